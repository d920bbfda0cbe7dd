"""Property-based tests of SVG pictures: random documents built from every element and
attribute of SVG 1.1's indexes, with random and hostile values, either give a sanitised
SVG that draws (the PDFs' form and the deck's PNG fallback), or a clean error; the
sanitised SVG never holds a script, an event handler, a reference outside the file, a
processing instruction, a comment or a DOCTYPE. Most examples test the sanitiser and
the drawing directly; a handful build a whole deck and PDF. Budgeted like test_fuzz.py
(derandomized, no database)."""

from __future__ import annotations

import base64
import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from deckgen.outline.svg import check_svg

from ..conftest import fuzz_budget, run_cli
from ..layout.support import deadline
from ..pictures import png
from .test_svg import talk

BUDGET = fuzz_budget(300)


def names(text: str) -> list[str]:
    return text.split()


# SVG 1.1 (Second Edition), Appendix K: the element index
SVG11_ELEMENTS = names("""a altGlyph altGlyphDef altGlyphItem animate animateColor animateMotion
animateTransform circle clipPath color-profile cursor defs desc ellipse feBlend
feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
feDisplacementMap feDistantLight feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur
feImage feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting
feSpotLight feTile feTurbulence filter font font-face font-face-format font-face-name
font-face-src font-face-uri foreignObject g glyph glyphRef hkern image line
linearGradient marker mask metadata missing-glyph mpath path pattern polygon polyline
radialGradient rect script set stop style svg switch symbol text textPath title tref
tspan use view vkern""")

# SVG 1.1, Appendix M: the attribute index (regular attributes, then presentation ones)
SVG11_ATTRIBUTES = names("""accent-height accumulate additive alphabetic amplitude arabic-form
ascent attributeName attributeType azimuth baseFrequency baseProfile bbox begin bias by
calcMode cap-height class clipPathUnits contentScriptType contentStyleType cx cy d descent
diffuseConstant divisor dur dx dy edgeMode elevation end exponent externalResourcesRequired
filterRes filterUnits format from fx fy g1 g2 glyph-name glyphRef gradientTransform
gradientUnits hanging height horiz-adv-x horiz-origin-x horiz-origin-y id ideographic in
in2 intercept k k1 k2 k3 k4 kernelMatrix kernelUnitLength keyPoints keySplines keyTimes
lang lengthAdjust limitingConeAngle local markerHeight markerUnits markerWidth
maskContentUnits maskUnits mathematical max media method min mode name numOctaves offset
onabort onactivate onbegin onclick onend onerror onfocusin onfocusout onload onmousedown
onmousemove onmouseout onmouseover onmouseup onrepeat onresize onscroll onunload onzoom
operator order orient orientation origin overline-position overline-thickness panose-1
path pathLength patternContentUnits patternTransform patternUnits points pointsAtX
pointsAtY pointsAtZ preserveAlpha preserveAspectRatio primitiveUnits r radius refX refY
rendering-intent repeatCount repeatDur requiredExtensions requiredFeatures restart result
rotate rx ry scale seed slope spacing specularConstant specularExponent spreadMethod
startOffset stdDeviation stemh stemv stitchTiles strikethrough-position
strikethrough-thickness string style surfaceScale systemLanguage tableValues target
targetX targetY textLength title to transform type u1 u2 underline-position
underline-thickness unicode unicode-range units-per-em v-alphabetic v-hanging
v-ideographic v-mathematical values version vert-adv-y vert-origin-x vert-origin-y viewBox
viewTarget width widths x x-height x1 x2 xChannelSelector xlink:actuate xlink:arcrole
xlink:href xlink:role xlink:show xlink:title xlink:type xml:base xml:lang xml:space y y1 y2
yChannelSelector z zoomAndPan
alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation
color-interpolation-filters color-profile color-rendering cursor direction display
dominant-baseline enable-background fill fill-opacity fill-rule filter flood-color
flood-opacity font font-family font-size font-size-adjust font-stretch font-style
font-variant font-weight glyph-orientation-horizontal glyph-orientation-vertical
image-rendering kerning letter-spacing lighting-color marker-end marker-mid marker-start
mask opacity overflow pointer-events shape-rendering stop-color stop-opacity stroke
stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit
stroke-opacity stroke-width text-anchor text-decoration text-rendering unicode-bidi
visibility word-spacing writing-mode href""")

TINY_PNG = "data:image/png;base64," + base64.b64encode(png(3, 2)).decode()
NUMBERS = ["0", "1", "-5", "2.5", "1e30", "-1e30", "1e-300", "NaN", "inf", "-inf", "1e999",
           "50%", "3em", "12px", "", "1e9", "  7  ", "-1 2", "0 0", "1,2,3", "2 -3"]  # fmt: skip
VALUES_DRAWN = [
    "url(#a)", "url(#b)", "#a", "#b", "#nope", TINY_PNG, "scale(0)", "scale(1e30)",
    "rotate(45 1 2)", "matrix(1 0 0 1 NaN 0)", "skewX(90)", "translate(1e9,1e9)",
    "M0 0 L10 10 Z", "M 1e30 0 L 5 5", "M0 0 A 1e30 1e30 0 1 1 5 5", "0 0 10 10",
    "0 0 0 0", "0,0,NaN,1", "red", "#ff0000", "none", "rgb(1,2,3)", "fill:url(#a)",
    "stroke-width:1e30;fill:red", "expression(alert(1))", "1 2 3 4 5", "1e-9 1e-9", "bold",
    "italic", "Courier, monospace", "</svg>", "&amp;", "a\u202eb", "userSpaceOnUse",
    "objectBoundingBox", "preserve", "xMidYMid slice", "href", "fill", "indefinite",
]  # fmt: skip
REFUSED = [  # each refuses the whole picture wherever it stands
    "url(http://example.org/x.svg#g)", r"u\72l(http://example.org/)", "url('other.svg#g')",
    "javascript:alert(1)", "data:image/svg+xml;base64,PHN2Zy8+", "http://example.org/",
    "stroke-width:1e30;fill:u\\72l(http://x/)", "@import 'x.css'",
]  # fmt: skip
HANDLERS = [name for name in SVG11_ATTRIBUTES if name.startswith("on")]
REFUSED_ELEMENTS = ["script", "foreignObject"]
DRAWN = st.one_of(st.sampled_from(NUMBERS), st.sampled_from(VALUES_DRAWN), st.text(max_size=8))
# what draws (half of the draws, so that every shape meets every hostile value)
SHAPES = names("""svg g use symbol image path rect circle ellipse line polyline polygon text
tspan textPath linearGradient radialGradient stop pattern clipPath mask marker switch""")
GEOMETRY = names("""x y width height cx cy r rx ry x1 y1 x2 y2 d points viewBox dx dy rotate
transform gradientTransform patternTransform offset fx fy markerWidth markerHeight refX refY
orient preserveAspectRatio textLength startOffset style xlink:href href fill stroke
stroke-width stroke-dasharray stroke-dashoffset stroke-miterlimit font-size font-family
font-weight opacity clip-path mask marker-end baseline-shift letter-spacing""")
BENIGN = {  # what a document that should be drawn is made of (hostile numbers included)
    "names": st.one_of(
        st.sampled_from([n for n in SVG11_ATTRIBUTES if n not in HANDLERS]),
        st.sampled_from(GEOMETRY),
    ),
    "values": DRAWN,
    "elements": st.one_of(
        st.sampled_from([n for n in SVG11_ELEMENTS if n not in REFUSED_ELEMENTS]),
        st.sampled_from(SHAPES),
    ),
}
HOSTILE = {  # one document in four: anything, outside references and scripts too
    "names": st.sampled_from(SVG11_ATTRIBUTES),
    "values": st.one_of(DRAWN, st.sampled_from(REFUSED)),
    "elements": st.sampled_from(SVG11_ELEMENTS),
}
SIZES = st.integers(0, 5).flatmap(
    lambda roll: st.sampled_from(NUMBERS) if roll == 5 else st.sampled_from(["10", "40", "2in"])
)
TEXTS = st.one_of(
    st.none(),
    st.sampled_from(["Hi", "rect { fill: url(#a) }", "a{stroke-width: 1e30}", "@font-face {}"]),
)
XML_SAFE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd]")


def _attribute_name(name: str) -> str:
    prefix, _, local = name.rpartition(":")
    if prefix == "xlink":
        return "{http://www.w3.org/1999/xlink}" + local
    if prefix == "xml":
        return "{http://www.w3.org/XML/1998/namespace}" + local
    return name


@st.composite
def element(draw, kinds: dict, depth: int = 0):
    """(name, attributes, text, children) of one element."""
    name = draw(kinds["elements"])
    attributes = draw(st.dictionaries(kinds["names"], kinds["values"], max_size=4))
    if draw(st.booleans()):  # painted, so that strokes and dashes are drawn too
        attributes = {"stroke": "red", "fill": "blue", **attributes}
    if draw(st.booleans()):
        attributes["id"] = draw(st.sampled_from(["a", "b", "c"]))
    children = draw(st.lists(element(kinds, depth + 1), max_size=3)) if depth < 3 else []
    return name, attributes, draw(TEXTS), children


@st.composite
def svg_document(draw) -> bytes:
    root = etree.Element("{http://www.w3.org/2000/svg}svg", nsmap={
        None: "http://www.w3.org/2000/svg", "xlink": "http://www.w3.org/1999/xlink"})  # fmt: skip
    for side in ("width", "height"):
        if draw(st.integers(0, 3)):
            root.set(side, draw(SIZES))
    if draw(st.integers(0, 2)) == 2:
        root.set("viewBox", draw(st.sampled_from(["0 0 10 10", "-5 -5 20 40", "0 0 40 10"])))
    elif draw(st.integers(0, 9)) == 9:
        root.set("viewBox", draw(st.sampled_from(["0 0 0 0", "1e30", "0 0 NaN 1", ""])))
    kinds = HOSTILE if draw(st.integers(0, 3)) == 3 else BENIGN
    for child in draw(st.lists(element(kinds), min_size=1, max_size=4)):
        _build(root, child)
    data = etree.tostring(root)
    if kinds is HOSTILE and draw(st.integers(0, 3)) == 3:
        data = b'<?xml-stylesheet href="http://example.org/a.css"?>' + data
    return data


def _build(parent, spec) -> None:
    name, attributes, text, children = spec
    node = etree.SubElement(parent, "{http://www.w3.org/2000/svg}" + name)
    for key, value in attributes.items():
        node.set(_attribute_name(key), XML_SAFE.sub("", value))
    node.text = text
    for child in children:
        _build(node, child)


def assert_clean(data: bytes) -> None:
    """No script, handler, outside reference, PI, comment or DOCTYPE in a sanitised SVG."""
    assert b"<!DOCTYPE" not in data and b"<!--" not in data and b"<?xml-stylesheet" not in data
    root = etree.fromstring(data)
    for node in root.iter():
        assert isinstance(node.tag, str), node  # no comment or processing instruction
        assert etree.QName(node).localname not in ("script", "foreignObject", "set", "animate")
        for key, value in node.attrib.items():
            local = etree.QName(key).localname
            assert not local.lower().startswith("on"), key
            if local == "href":
                assert re.fullmatch(
                    r"#[\w.:-]+|data:image/(png|jpeg);base64,[A-Za-z0-9+/=]+", value
                )
            for target in re.findall(r"(?i)url\(([^)]*)\)", value):
                assert target.startswith("#"), value
            assert "\\" not in value and "javascript" not in value.lower(), value
    for sheet in root.iter("{http://www.w3.org/2000/svg}style"):
        text = sheet.text or ""
        assert "@" not in text and "\\" not in text
        assert all(t.startswith("#") for t in re.findall(r"(?i)url\(([^)]*)\)", text))


def draw_both_ways(data: bytes) -> None:
    """The PDFs' way (a form, with deckgen's reportlab settings) and the deck's PNG
    fallback."""
    from reportlab.pdfgen.canvas import Canvas

    from deckgen.layout.frames import Picture
    from deckgen.layout.geometry import Rect
    from deckgen.render.pdf import pin_reportlab_settings
    from deckgen.render.pdf.image import draw_picture
    from deckgen.render.pdf.units import Transform
    from deckgen.render.pptx.image import fallback_png

    pin_reportlab_settings()
    canvas = Canvas(io.BytesIO(), invariant=1)
    picture = Picture(Rect(0, 0, 914400, 457200), "/a.svg", "alt", "n", data=data, vector=True)
    draw_picture(canvas, picture, Transform(0, 600))
    canvas.showPage()
    canvas.save()
    assert fallback_png(data, 914400, 457200).startswith(b"\x89PNG")


@BUDGET
@given(data=svg_document())
def test_any_svg_is_sanitised_and_draws_or_is_refused_cleanly(data):
    with deadline(20):
        svg, problems = check_svg(data, "image 'a.svg'", None)
    if svg is None:
        assert [p.severity for p in problems] == ["error"] and problems[0].message
        return
    assert all(p.severity == "warning" for p in problems)
    assert svg.width >= 1 and svg.height >= 1
    assert_clean(svg.data)
    with deadline(20):
        draw_both_ways(svg.data)


@settings(BUDGET, max_examples=6)
@given(data=svg_document())
def test_any_svg_builds_a_deck_and_pdf_or_is_refused_at_its_line(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("svg")
    outline = talk(folder, data)
    with deadline(60):
        result = run_cli("build", str(outline), "-o", str(folder / "out"), "--format", "pptx",
                         "--format", "slides-pdf")  # fmt: skip
    assert result.exit_code in (0, 2), result.output
    assert "internal error" not in result.stderr and "Traceback" not in result.output
    if result.exit_code == 2:
        assert f"{outline}:8:" in result.stderr
