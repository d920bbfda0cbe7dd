"""Tables and links in the tagged PDFs, read back: tables at reading size and the guide's
session plan are Table › TR › TH/TD with scopes, a comparison's first column is row
headers where it names the aspects (in the deck too: First Column), every Link holds its
words (their marked content) beside its annotation, a slide's caption is read before its
thumbnail, and the contents' leader dots are not text of the structure."""

from __future__ import annotations

import ctypes
import zipfile
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from ..conftest import SHIPPED, run_cli

LONG_LINK = "the long example site with many words in its link text so that it wraps"
TALK = f"""\
meta: {{title: Links and tables, language: en}}
concepts:
  lock: {{label: Lock, color: "#1F5AA6"}}
  ladder: {{label: Ladder, color: "#B4530A"}}
sections:
  - title: Only
    divider: false
    slides:
      - kind: bullets
        title: Read more
        bullets:
          - "See [the guide](https://example.org/guide) first"
        notes: >-
          Notes point to [{LONG_LINK}](https://example.org/long) and
          then to [a second](https://example.org/second) one.
      - kind: comparison
        title: Side by side
        columns: ["Aspect", {{label: Lock, concept: lock}}, {{label: Ladder, concept: ladder}}]
        rows:
          - ["Goal", "Keep out", "Reach up"]
          - ["Risk", "Picked", "Falls"]
        notes: Row by row.
"""
FORMATS = ("handout", "slides-pdf", "guide", "pptx")


def _build(tmp_path: Path, text: str, *extra: str) -> dict[str, Path]:
    outline = tmp_path / "outline.yaml"
    outline.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    args = [a for f in FORMATS for a in ("--format", f)]
    result = run_cli("build", str(outline), "-o", str(out), *args, *extra)
    assert result.exit_code == 0, result.stderr
    return _outputs(out)


def _outputs(out: Path) -> dict[str, Path]:
    found = {"pptx": next(out.glob("*.pptx"))}
    for fmt, suffix in (("handout", "handout"), ("slides-pdf", "slides"), ("guide", "guide")):
        found[fmt] = next(out.glob(f"*-{suffix}.pdf"))
    return found


@pytest.fixture(scope="module")
def talk(tmp_path_factory) -> dict[str, Path]:
    return _build(tmp_path_factory.mktemp("links"), TALK)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("shipped")
    args = [a for f in FORMATS for a in ("--format", f)]
    assert run_cli("build", str(SHIPPED), "-o", str(out), *args).exit_code == 0
    return _outputs(out)


# -- reading the PDFs back


def _kids(node) -> list:
    kids = node.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]


def _is_element(node) -> bool:
    return isinstance(node, pikepdf.Dictionary) and "/S" in node


def _walk(element, parents=()):
    yield element, parents
    for kid in _kids(element):
        if _is_element(kid):
            yield from _walk(kid, (*parents, element))


def _elements(pdf) -> list:
    return [e for e, _ in _walk(pdf.Root.StructTreeRoot.K)]


def _marked_text(path: Path) -> dict[tuple[int, int], str]:
    """(page, MCID) → the text drawn inside that marked content (pdfium's reading);
    text outside any MCID (artifacts) under MCID -1."""
    document = pdfium.PdfDocument(str(path))
    found: dict[tuple[int, int], str] = {}
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        for i in range(raw.FPDFPage_CountObjects(page)):
            obj = raw.FPDFPage_GetObject(page, i)
            if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
                continue
            size = raw.FPDFTextObj_GetText(obj, textpage, None, 0)
            buffer = ctypes.create_string_buffer(size)
            target = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
            raw.FPDFTextObj_GetText(obj, textpage, target, size)
            text = buffer.raw.decode("utf-16-le").rstrip("\x00")
            key = (index, raw.FPDFPageObj_GetMarkedContentID(obj))
            found[key] = found.get(key, "") + text
    document.close()
    return found


def _own_text(element, pages: dict, texts: dict) -> str:
    """The text of the marked content an element holds itself (not its kids')."""
    said = []
    for kid in _kids(element):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            page = kid.get("/Pg", element.get("/Pg"))
            said.append(texts.get((pages[page.objgen], int(kid.MCID)), ""))
        elif isinstance(kid, int):
            said.append(texts.get((pages[element.Pg.objgen], int(kid)), ""))
    return " ".join(" ".join(said).split())


def _all_text(element, pages, texts) -> str:
    return " ".join(_own_text(e, pages, texts) for e, _ in _walk(element)).strip()


def _links(path: Path) -> list[tuple[str, int, list]]:
    """Every Link element: its words, its annotations (OBJR) and its ancestors' tags."""
    texts = _marked_text(path)
    with pikepdf.open(path) as pdf:
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        out = []
        for element, parents in _walk(pdf.Root.StructTreeRoot.K):
            if element.S == "/Link":
                objrs = [k for k in _kids(element) if _is_objr(k)]
                tags = [str(p.S) for p in parents]
                out.append((_own_text(element, pages, texts), len(objrs), tags))
        return out


def _is_objr(kid) -> bool:
    return isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR"


def _tables(path: Path) -> list[list[list[tuple[str, str, str]]]]:
    """Every Table: its rows, each cell as (tag, scope, text)."""
    texts = _marked_text(path)
    with pikepdf.open(path) as pdf:
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        tables = []
        for table in (e for e in _elements(pdf) if e.S == "/Table"):
            rows = []
            for row in (k for k in _kids(table) if _is_element(k) and k.S == "/TR"):
                cells = []
                for cell in (k for k in _kids(row) if _is_element(k)):
                    scope = str(cell.A.Scope) if "/A" in cell and "/Scope" in cell.A else ""
                    cells.append((str(cell.S)[1:], scope, _all_text(cell, pages, texts)))
                rows.append(cells)
            tables.append(rows)
        return tables


# -- tables


def _comparison(tables) -> list:
    (found,) = [t for t in tables if t[0][0][2] == "Aspect"]
    return found


@pytest.mark.parametrize("fmt", ["handout", "slides-pdf"])
def test_the_comparison_is_a_table_with_column_and_row_headers(talk, fmt):
    table = _comparison(_tables(talk[fmt]))
    assert table[0] == [("TH", "/Column", t) for t in ("Aspect", "Lock", "Ladder")]
    assert table[1] == [("TH", "/Row", "Goal"), ("TD", "", "Keep out"), ("TD", "", "Reach up")]
    assert table[2] == [("TH", "/Row", "Risk"), ("TD", "", "Picked"), ("TD", "", "Falls")]


def test_the_deck_turns_first_column_on_where_the_first_column_names_the_rows(talk):
    with zipfile.ZipFile(talk["pptx"]) as deck:
        slides = [deck.read(n).decode() for n in deck.namelist() if "slides/slide" in n]
    (props,) = [s[s.index("<a:tblPr") :].split(">")[0] for s in slides if "<a:tblPr" in s]
    assert 'firstRow="1"' in props and 'firstCol="1"' in props


WITHOUT_LABELS = """\
meta: {title: Plain, language: en}
sections:
  - title: Only
    divider: false
    slides:
      - kind: comparison
        title: Two tools
        columns: ["Hammer", "Saw"]
        rows: [["Hits", "Cuts"]]
"""


def test_a_first_column_that_names_no_aspects_stays_data(tmp_path):
    """Its header is a thing compared (no column is a concept's): no row headers in
    the deck, the slides PDF or the handout."""
    built = _build(tmp_path, WITHOUT_LABELS)
    with zipfile.ZipFile(built["pptx"]) as deck:
        slides = [deck.read(n).decode() for n in deck.namelist() if "slides/slide" in n]
    assert any("<a:tblPr" in s for s in slides)
    assert not any('firstCol="1"' in s for s in slides)
    for fmt in ("handout", "slides-pdf"):
        (table,) = [t for t in _tables(built[fmt]) if t[0][0][2] == "Hammer"]
        assert table[0] == [("TH", "/Column", "Hammer"), ("TH", "/Column", "Saw")]
        assert table[1] == [("TD", "", "Hits"), ("TD", "", "Cuts")]


@pytest.mark.parametrize("clock", [False, True])
def test_the_guides_session_plan_is_a_table_named_by_its_sections(talk, tmp_path, clock):
    guide = _build(tmp_path, TALK, "--start", "09:30")["guide"] if clock else talk["guide"]
    (plan,) = [t for t in _tables(guide) if t[0][-1][2] == "Minutes"]
    assert [c[2] for c in plan[0]] == (["Time"] if clock else []) + ["Section", "Minutes"]
    assert [c[:2] for c in plan[0]] == [("TH", "/Column")] * len(plan[0])
    section = [c[2] for c in plan[0]].index("Section")
    for row in plan[1:]:
        assert row[section][:2] == ("TH", "/Row")
        assert all(c[0] == "TD" for i, c in enumerate(row) if i != section)
    assert plan[1][section][2] == "Only"


def test_the_covers_facts_are_row_headers(talk):
    for fmt in ("handout", "guide"):
        facts = [t for t in _tables(talk[fmt]) if t[0][0][:2] == ("TH", "/Row")]
        assert facts and all(len(row) == 2 and row[1][0] == "TD" for row in facts[0])


def test_a_header_row_repeated_on_the_next_page_is_an_artifact(tmp_path):
    rows = "\n".join(
        f'          - ["Row {i}", "{"word " * 40}", "{"more " * 40}"]' for i in range(40)
    )
    text = TALK.split("      - kind: comparison")[0] + (
        "      - kind: comparison\n        title: Long\n"
        '        columns: ["Aspect", {label: Lock, concept: lock}, '
        "{label: Ladder, concept: ladder}]\n        rows:\n" + rows + "\n"
    )
    handout = _build(tmp_path, text)["handout"]
    table = _comparison(_tables(handout))
    texts = _marked_text(handout)
    with pikepdf.open(handout) as pdf:  # the table runs over several pages
        longest = max((e for e in _elements(pdf) if e.S == "/Table"), key=lambda e: len(_kids(e)))
        pages = {k.Pg.objgen for e, _ in _walk(longest) for k in _kids(e) if _is_mcr(k)}
    assert len(pages) > 1
    assert table[0] == [("TH", "/Column", t) for t in ("Aspect", "Lock", "Ladder")]
    assert len(table) == 41
    # drawn again on each later page, as an artifact (with the running header and footer)
    repeated = [p for (p, mcid), t in texts.items() if mcid == -1 and "Aspect Lock Ladder" in t]
    assert len(repeated) == len(pages) - 1


def _is_mcr(kid) -> bool:
    return isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR"


# -- links


@pytest.mark.parametrize("fmt", ["handout", "slides-pdf", "guide"])
def test_every_link_holds_its_words_and_its_annotation(talk, fmt):
    links = _links(talk[fmt])
    assert links
    for words, made, parents in links:
        assert words and made >= 1, (fmt, words, made)
        assert "/Figure" not in parents  # a thumbnail's links follow it
    said = {words for words, _, _ in links}
    assert "the guide" in said  # on the slide (in the handouts: after its thumbnail)
    if fmt != "slides-pdf":  # the notes' links: the long one wraps, one Link, two annotations
        assert {LONG_LINK, "a second"} <= said
        (long,) = [n for words, n, _ in links if words == LONG_LINK]
        assert long >= 2


@pytest.mark.parametrize("fmt", ["handout", "slides-pdf", "guide"])
def test_every_link_annotation_belongs_to_a_link_with_words(shipped, talk, fmt):
    for built in (shipped, talk):
        with pikepdf.open(built[fmt]) as pdf:
            nums = pdf.Root.StructTreeRoot.ParentTree.Nums
            tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
            for page in pdf.pages:
                for annotation in page.get("/Annots", []):
                    if annotation.Subtype != "/Link":
                        continue
                    element = tree[int(annotation.StructParent)]
                    assert element.S == "/Link"
                    kids = _kids(element)
                    assert any(_is_mcr(k) for k in kids)
                    assert any(_is_objr(k) and k.Obj.objgen == annotation.objgen for k in kids)


def test_the_contents_entries_and_their_page_numbers_are_links_the_dots_are_not(shipped):
    links = _links(shipped["handout"])
    contents = [(words, n) for words, n, parents in links if "/TOC" in parents]
    assert ("Two sides of the same coin", 1) in contents
    assert ("2", 1) in contents  # its page number
    texts = _marked_text(shipped["handout"])
    dots = [(key, t) for key, t in texts.items() if key[0] == 0 and ". . ." in t]
    assert dots and all(mcid == -1 for (_page, mcid), _t in dots)


# -- reading order


@pytest.mark.parametrize("fmt", ["handout", "guide"])
def test_a_slides_caption_is_read_before_its_thumbnail(shipped, fmt):
    texts = _marked_text(shipped[fmt])
    with pikepdf.open(shipped[fmt]) as pdf:
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        order = [e for e in _kids(pdf.Root.StructTreeRoot.K) if _is_element(e)]
        figures = [i for i, e in enumerate(order) if e.S == "/Figure"]
        assert figures
        for i in figures:
            heading = order[i - 1]
            assert heading.S == "/H3", (fmt, str(order[i].Alt)[:40])
            number = str(order[i].Alt).split(".")[0]
            assert _own_text(heading, pages, texts).startswith(f"{number}.")


@pytest.mark.parametrize(
    ("columns", "names"),
    [
        (["Aspect", {"label": "A", "concept": "a"}, {"label": "B", "concept": "b"}], True),
        ([" ", {"label": "A", "concept": "a"}, {"label": "B", "concept": "b"}], False),
        (["\u00a0", {"label": "A", "concept": "a"}, {"label": "B", "concept": "b"}], False),
        (["Aspect", "A", "B"], False),  # no concepts: the first may be compared too
        (["Aspect", {"label": "A", "concept": "a"}, "B"], False),
        ([{"label": "A", "concept": "a"}, {"label": "B", "concept": "b"}], False),
    ],
)
def test_which_first_columns_name_the_rows(columns, names):
    from deckgen.kinds.comparison import ComparisonSlide, names_rows

    rows = [["x"] * len(columns)]
    slide = ComparisonSlide(kind="comparison", title="T", columns=columns, rows=rows)
    assert names_rows(slide) is names


def test_a_thumbnails_links_follow_its_figure_with_their_words(talk):
    """A thumbnail is one figure, read as its alternative text; the links on the slide
    still work, each a Link (its words, its annotation) right after the figure."""
    texts = _marked_text(talk["handout"])
    with pikepdf.open(talk["handout"]) as pdf:
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        top = [e for e in _kids(pdf.Root.StructTreeRoot.K) if _is_element(e)]
        (figure,) = [i for i, e in enumerate(top) if str(e.get("/Alt", "")).startswith("1. ")]
        after = top[figure + 1]
        assert after.S == "/Link" and _own_text(after, pages, texts) == "the guide"
        assert any(_is_objr(k) for k in _kids(after))
