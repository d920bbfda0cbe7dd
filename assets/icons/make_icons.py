#!/usr/bin/env python3
"""Generate the flat slide icons for the talk "AI Security vs. AI Safety".

Each icon is drawn as a single-colour silhouette with transparent cut-outs.
Shapes are rendered into a greyscale coverage mask at 4x supersampling and
downscaled with LANCZOS, then used as the alpha channel of a solid-colour
image, so edges are smooth and free of colour fringes.

Usage:  python assets/icons/make_icons.py [output_dir]
Only Pillow is required; output is byte-for-byte deterministic.
"""

import math
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

SIZE = 512  # output size in px; all coordinates below use this space
SS = 4  # supersampling factor
ON, OFF = 255, 0  # mask values: solid colour / transparent cut-out
SECURITY_BLUE = "#1F5AA6"
SAFETY_ORANGE = "#B4530A"


class Pen:
    """Draws on a supersampled mask using coordinates in 512-px icon space."""

    def __init__(self):
        self.mask = Image.new("L", (SIZE * SS, SIZE * SS), OFF)
        self.d = ImageDraw.Draw(self.mask)

    @staticmethod
    def _p(pts):
        return [(x * SS, y * SS) for x, y in pts]

    def circle(self, cx, cy, r, fill=ON):
        self.d.ellipse([(cx - r) * SS, (cy - r) * SS, (cx + r) * SS, (cy + r) * SS], fill=fill)

    def rect(self, x0, y0, x1, y1, fill=ON, radius=0, corners=None):
        box = [x0 * SS, y0 * SS, x1 * SS, y1 * SS]
        self.d.rounded_rectangle(box, radius=radius * SS, fill=fill, corners=corners)

    def poly(self, pts, fill=ON):
        self.d.polygon(self._p(pts), fill=fill)

    def rpoly(self, pts, r, fill=ON):
        """Polygon grown by r with rounded corners."""
        self.poly(pts, fill)
        self.line(pts + pts[:1], 2 * r, fill)

    def line(self, pts, width, fill=ON):
        """Polyline with round joints and round caps."""
        self.d.line(self._p(pts), fill=fill, width=round(width * SS), joint="curve")
        for x, y in (pts[0], pts[-1]):
            self.circle(x, y, width / 2, fill)

    def render(self, color):
        alpha = self.mask.resize((SIZE, SIZE), Image.LANCZOS)
        img = Image.new("RGBA", (SIZE, SIZE), color)
        img.putalpha(alpha)
        return img


def bezier(p0, p1, p2, p3, n=48):
    """Points along a cubic Bezier curve (excluding p0)."""
    out = []
    for i in range(1, n + 1):
        t = i / n
        a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
        out.append(
            (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )
        )
    return out


def shield_outline(cx, top, half_w, height, shoulder):
    """Shield: peaked top, straight flanks, curved sides meeting in a point."""
    left, r, bot = cx - half_w, cx + half_w, top + height
    mid = top + height * 0.45
    pts = [(cx, top), (r, top + shoulder), (r, mid)]
    pts += bezier((r, mid), (r, bot - height * 0.25), (cx + half_w * 0.5, bot - 30), (cx, bot))
    pts += bezier(
        (cx, bot), (cx - half_w * 0.5, bot - 30), (left, bot - height * 0.25), (left, mid)
    )
    pts.append((left, top + shoulder))
    return pts


def inset(pts, d):
    """Convex polygon shrunk by distance d (each edge moved inwards)."""
    edges = zip(pts, pts[1:] + pts[:1], strict=False)
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in edges)
    sign = 1 if area > 0 else -1
    lines = []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=False):
        ln = math.hypot(x1 - x0, y1 - y0)
        nx, ny = -sign * (y1 - y0) / ln, sign * (x1 - x0) / ln  # inward normal
        lines.append(((x0 + d * nx, y0 + d * ny), (x1 - x0, y1 - y0)))
    out = []
    for (p, r), (q, s) in zip(lines[-1:] + lines[:-1], lines, strict=False):
        t = ((q[0] - p[0]) * s[1] - (q[1] - p[1]) * s[0]) / (r[0] * s[1] - r[1] * s[0])
        out.append((p[0] + t * r[0], p[1] + t * r[1]))
    return out


def teardrop(cx, cy, r, angle_deg, tip=2.1):
    """Water drop: circle of radius r whose tip points towards angle_deg."""
    a = math.radians(angle_deg)
    half = math.acos(1 / tip)  # angle of the tangent points
    pts = [(cx + tip * r * math.cos(a), cy + tip * r * math.sin(a))]
    for i in range(41):
        t = a + half + (2 * math.pi - 2 * half) * i / 40
        pts.append((cx + r * math.cos(t), cy + r * math.sin(t)))
    return pts


# --------------------------------------------------------------------------
# Security icons
# --------------------------------------------------------------------------


def draw_shield(color=SECURITY_BLUE):
    pen = Pen()
    pen.poly(shield_outline(256, 52, 176, 408, 64))
    pen.line([(180, 268), (236, 324), (340, 214)], 46, OFF)  # check mark
    return pen.render(color)


def draw_lock(color=SECURITY_BLUE):
    pen = Pen()
    # shackle: a thick inverted U
    cx, r, w, top = 256, 98, 44, 52
    pen.circle(cx, top + r, r)
    pen.circle(cx, top + r, r - w, OFF)
    pen.rect(cx - r, top + r - 1, cx + r, 240)
    pen.rect(cx - r + w, top + r - 1, cx + r - w, 240, OFF)
    # body and keyhole
    pen.rect(96, 220, 416, 460, radius=44)
    pen.circle(256, 316, 36, OFF)
    pen.poly([(240, 330), (272, 330), (284, 400), (228, 400)], OFF)
    return pen.render(color)


def draw_guard(color=SECURITY_BLUE):
    pen = Pen()
    # shoulders, with a V-neck cut-out and a tie
    pen.rect(92, 344, 420, 462, radius=92, corners=(True, True, False, False))
    pen.poly([(204, 340), (308, 340), (256, 424)], OFF)
    pen.poly([(246, 350), (266, 350), (261, 366), (251, 366)])  # knot
    pen.poly([(251, 370), (261, 370), (268, 398), (256, 412), (244, 398)])
    pen.circle(256, 250, 80)  # head
    # peaked cap: flared crown, band, visor, badge
    pen.rpoly([(160, 92), (352, 92), (330, 140), (182, 140)], 12)
    pen.rect(180, 160, 332, 180)
    pen.poly(
        [
            (256 + 76 * math.cos(math.pi * i / 32), 178 + 32 * math.sin(math.pi * i / 32))
            for i in range(33)
        ]
    )
    pen.circle(256, 116, 17, OFF)
    # chest badge (five-pointed star)
    star = []
    for i in range(10):
        rr = 26 if i % 2 == 0 else 11
        t = math.radians(-90 + 36 * i)
        star.append((344 + rr * math.cos(t), 404 + rr * math.sin(t)))
    pen.poly(star, OFF)
    return pen.render(color)


# --------------------------------------------------------------------------
# Safety icons
# --------------------------------------------------------------------------


def draw_compass(color=SAFETY_ORANGE):
    pen = Pen()
    cx, cy, R, ring = 256, 256, 200, 30
    pen.circle(cx, cy, R)
    pen.circle(cx, cy, R - ring, OFF)
    ri = R - ring + 2
    for k in range(8):  # cardinal pointers and diagonal dots
        t = math.radians(45 * k)
        ux, uy = math.sin(t), -math.cos(t)
        if k % 2 == 0:
            pen.poly(
                [
                    (cx + ri * ux + 16 * uy, cy + ri * uy - 16 * ux),
                    (cx + ri * ux - 16 * uy, cy + ri * uy + 16 * ux),
                    (cx + (ri - 30) * ux, cy + (ri - 30) * uy),
                ]
            )
        else:
            pen.circle(cx + (ri - 18) * ux, cy + (ri - 18) * uy, 9)
    # needle: rhombus pointing north-east; north half solid, south half hollow
    L, W = 132, 46
    ux, uy = math.sin(math.radians(45)), -math.cos(math.radians(45))
    vx, vy = -uy, ux
    n, s = (cx + L * ux, cy + L * uy), (cx - L * ux, cy - L * uy)
    e, w = (cx + W * vx, cy + W * vy), (cx - W * vx, cy - W * vy)
    pen.poly([n, e, s, w])
    pen.poly(inset([e, s, w], 12), OFF)
    pen.circle(cx, cy, 22)  # pivot hub
    pen.circle(cx, cy, 9, OFF)
    return pen.render(color)


def draw_sprinkler(color=SAFETY_ORANGE):
    pen = Pen()
    pen.rect(96, 50, 416, 74, radius=8)  # ceiling
    pen.poly([(184, 74), (328, 74), (300, 98), (212, 98)])  # escutcheon
    pen.rect(210, 96, 302, 142)  # threaded body
    pen.rect(210, 116, 302, 124, OFF)
    # frame arms converging on the deflector boss, glass bulb in between
    pen.line([(222, 140), (204, 196), (256, 240)], 22)
    pen.line([(290, 140), (308, 196), (256, 240)], 22)
    pen.rect(244, 150, 268, 214, radius=12)
    pen.rect(160, 232, 352, 256, radius=12)  # deflector
    # water spray: fanned rows of drops, tips pointing back to the head
    src = (256, 244)
    for dist, r, angles in ((92, 17, (-58, -20, 20, 58)), (182, 21, (-64, -32, 0, 32, 64))):
        for deg in angles:
            t = math.radians(deg)
            x, y = src[0] + dist * math.sin(t), src[1] + dist * math.cos(t)
            pen.poly(teardrop(x, y, r, 270 - deg))
    return pen.render(color)


def draw_exit(color=SAFETY_ORANGE):
    pen = Pen()
    pen.rect(40, 96, 472, 416, radius=40)  # sign panel
    door = (300, 136, 428, 376)
    pen.rect(*door, fill=OFF)  # open doorway
    runner = Pen()  # running figure
    runner.circle(254, 154, 32)  # head
    runner.line([(194, 294), (228, 208)], 46)  # torso
    runner.line([(234, 212), (280, 244), (322, 220)], 28)  # front arm
    runner.line([(220, 214), (174, 238), (136, 218)], 28)  # back arm
    runner.line([(200, 286), (262, 304), (256, 368)], 30)  # front leg
    runner.line([(194, 292), (160, 340), (102, 340)], 30)  # back leg
    # the figure is a cut-out on the panel, but solid where it enters the door
    inside = Image.new("L", pen.mask.size, OFF)
    ImageDraw.Draw(inside).rectangle([v * SS for v in door], fill=ON)
    fig = runner.mask
    pen.mask = ImageChops.add(
        ImageChops.subtract(pen.mask, ImageChops.subtract(fig, inside)),
        ImageChops.multiply(fig, inside),
    )
    return pen.render(color)


ICONS = {
    "shield": (draw_shield, SECURITY_BLUE),
    "lock": (draw_lock, SECURITY_BLUE),
    "guard": (draw_guard, SECURITY_BLUE),
    "compass": (draw_compass, SAFETY_ORANGE),
    "sprinkler": (draw_sprinkler, SAFETY_ORANGE),
    "exit": (draw_exit, SAFETY_ORANGE),
}


def main(out_dir=None):
    out = Path(out_dir) if out_dir else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    for name, (fn, color) in ICONS.items():
        path = out / f"{name}.png"
        fn(color).save(path, format="PNG", optimize=True)
        print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
