"""The comparison table as a native PowerPoint table, written as DrawingML markup:
element for element what python-pptx's ``add_table`` and its cell properties write,
in one parse (python-pptx sets each cell's margins, fill and text through a look-up
each)."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from ...layout.frames import Anchor, Table
from .ink import Ink
from .text import NAMESPACES, paragraphs_markup, parse_markup
from .units import emu

# python-pptx's (and PowerPoint's) default table style: "Medium Style 2 - Accent 1"
TABLE_STYLE_ID = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_ANCHORS = {Anchor.TOP: "t", Anchor.MIDDLE: "ctr", Anchor.BOTTOM: "b"}


def add_table(tree, table: Table, ink: Ink):
    """``table``'s ``p:graphicFrame``, appended to the slide's shape tree (``tree``). The
    frame's extent is its columns' and rows' sums, as python-pptx keeps it."""
    widths = [emu(w) for w in table.col_widths]
    heights = [emu(h) for h in table.row_heights]
    ins = table.insets
    margins = (
        f'<a:tcPr marL="{emu(ins.left)}" marR="{emu(ins.right)}" '
        f'marT="{emu(ins.top)}" marB="{emu(ins.bottom)}" anchor='
    )
    # PowerPoint's Header Row and First Column options: what screen readers announce as
    # column and row headers
    first_row = ' firstRow="1"' if table.header_rows > 0 else ""
    first_row += ' firstCol="1"' if table.row_headers else ""
    descr = f" descr={quoteattr(table.alt)}" if table.alt else ""
    markup = [
        f"<p:graphicFrame {NAMESPACES}><p:nvGraphicFramePr>"
        f'<p:cNvPr id="{tree.max_shape_id + 1}" name={quoteattr(table.name)}{descr}/>'
        '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr>'
        "<p:nvPr/></p:nvGraphicFramePr>"
        f'<p:xfrm><a:off x="{emu(table.rect.x)}" y="{emu(table.rect.y)}"/>'
        f'<a:ext cx="{sum(widths)}" cy="{sum(heights)}"/></p:xfrm>'
        f'<a:graphic><a:graphicData uri="{_TABLE_URI}"><a:tbl>'
        f"<a:tblPr{first_row}><a:tableStyleId>{TABLE_STYLE_ID}</a:tableStyleId></a:tblPr>"
        "<a:tblGrid>",
        *(f'<a:gridCol w="{w}"/>' for w in widths),
        "</a:tblGrid>",
    ]
    for row, height in zip(table.cells, heights, strict=True):
        markup.append(f'<a:tr h="{height}">')
        for cell in row:
            markup.append('<a:tc><a:txBody><a:bodyPr wrap="square"/><a:lstStyle/>')
            paragraphs_markup(markup, cell.paragraphs, ink.body_font, ink)
            markup.append("</a:txBody>")
            cell_props = f'{margins}"{_ANCHORS[cell.anchor or table.anchor]}"'
            if cell.fill:
                markup += (
                    cell_props,
                    "><a:solidFill>",
                    ink.xml(cell.fill),
                    "</a:solidFill></a:tcPr>",
                )
            else:
                markup += (cell_props, "/>")
            markup.append("</a:tc>")
        markup.append("</a:tr>")
    markup.append("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")
    frame = parse_markup(markup)
    tree.append(frame)
    return frame
