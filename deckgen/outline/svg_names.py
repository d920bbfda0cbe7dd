"""What a sanitised SVG may hold: the allow-lists (SVG 1.1 names) the sanitiser keeps.

Anything not named here is left out of the SVG that the deck and the PDFs use. What runs
code or reaches outside the file is refused instead (``svg_clean.py`` says which).
"""

from __future__ import annotations

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# drawn (or holding what is drawn): structure, shapes, text, paint servers, clipping
ELEMENTS = _names(
    "svg g defs desc title symbol use switch a style path rect circle ellipse line "
    "polyline polygon text tspan textPath linearGradient radialGradient stop pattern "
    "clipPath mask marker image"
)
REFUSED_ELEMENTS = {
    "script": "it has a script",
    "foreignObject": "it embeds foreign content (foreignObject)",
}
SILENT_ELEMENTS = frozenset({"metadata"})  # an editor's notes: never drawn

# SVG 1.1 presentation attributes, which are CSS properties too (style="..." and <style>);
# not cursor, filter, enable-background or color-profile: effects and outside resources
PRESENTATION = _names(
    "alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation "
    "color-interpolation-filters color-rendering direction display dominant-baseline fill "
    "fill-opacity fill-rule flood-color flood-opacity font font-family font-size "
    "font-size-adjust font-stretch font-style font-variant font-weight "
    "glyph-orientation-horizontal glyph-orientation-vertical image-rendering kerning "
    "letter-spacing lighting-color marker marker-end marker-mid marker-start mask opacity "
    "overflow pointer-events shape-rendering stop-color stop-opacity stroke "
    "stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit "
    "stroke-opacity stroke-width text-anchor text-decoration text-rendering unicode-bidi "
    "visibility word-spacing writing-mode"
)
# the other attributes kept: identity, conditions, geometry, text layout, paint servers
ATTRIBUTES = PRESENTATION | _names(
    "id class style transform requiredFeatures requiredExtensions systemLanguage "
    "x y width height cx cy r rx ry x1 y1 x2 y2 d points viewBox preserveAspectRatio "
    "dx dy rotate textLength lengthAdjust startOffset method spacing pathLength "
    "gradientUnits gradientTransform fx fy spreadMethod offset patternUnits "
    "patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits "
    "markerUnits markerWidth markerHeight refX refY orient version baseProfile"
)
XML_ATTRIBUTES = frozenset({"space", "lang"})  # xml:space, xml:lang

# values that are numbers (lengths, coordinates, path data, angles, opacities): each
# number in them must be finite and within ±MAX_NUMBER
NUMERIC = _names(
    "x y width height cx cy r rx ry x1 y1 x2 y2 d points viewBox dx dy rotate textLength "
    "startOffset pathLength fx fy offset markerWidth markerHeight refX refY orient "
    "transform gradientTransform patternTransform baseline-shift font-size "
    "font-size-adjust kerning letter-spacing word-spacing opacity fill-opacity "
    "stroke-opacity stop-opacity flood-opacity stroke-width stroke-dasharray "
    "stroke-dashoffset stroke-miterlimit"
)
TRANSFORMS = frozenset({"transform", "gradientTransform", "patternTransform"})
LISTS = frozenset({"stroke-dasharray", "dx", "dy", "rotate"})  # of lengths (or numbers)
OWN_GRAMMAR = TRANSFORMS | {"d", "points", "viewBox", "orient"}  # each checked on its own
URL_PROPERTIES = _names("fill stroke clip-path mask marker marker-start marker-mid marker-end")
MAX_NUMBER = 1e9  # a coordinate or length, in user units: far beyond any drawing

# elements whose href may name an id in the file; <image> takes embedded PNG/JPEG only
LOCAL_HREF = frozenset({"use", "textPath", "linearGradient", "radialGradient", "pattern", "a"})
CSS_FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla"})  # besides url(#id)
