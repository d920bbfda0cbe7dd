"""The PDFs are tagged (PDF/UA-1): read back with pikepdf, every piece of content sits in
a structure element or an artifact, figures have Alt, tables have TH with a scope, the
catalog says what PDF/UA asks; and an independent checker (pdfua) finds nothing."""

from __future__ import annotations

import re
import subprocess

import pikepdf
import pytest

from ..conftest import SHIPPED, SMALL, run_cli

PAINTING = {"Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh"}
FORMATS = ("handout", "slides-pdf", "guide")


@pytest.fixture(scope="module", params=["shipped", "small", "starter"])
def pdfs(request, tmp_path_factory):
    """The three PDFs of a talk: the shipped one, the fixture, and deckgen init's starter
    (an SVG picture with text, a chart, code, a quiz)."""
    out = tmp_path_factory.mktemp("tagged")
    outline = {"shipped": SHIPPED, "small": SMALL}.get(request.param)
    if outline is None:
        assert run_cli("init", str(out / "talk")).exit_code == 0
        outline = out / "talk" / "outline.yaml"
    args = [a for f in FORMATS for a in ("--format", f)]
    result = run_cli("build", str(outline), "-o", str(out), *args)
    assert result.exit_code == 0, result.stderr
    found = {f: next(out.glob(f"*-{f.replace('slides-pdf', 'slides')}.pdf")) for f in FORMATS}
    return found


def _walk(element):
    yield element
    kids = element.get("/K")
    kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    for kid in kids:
        element = isinstance(kid, pikepdf.Dictionary) and "/S" in kid
        if element and kid.get("/Type", "/StructElem") == "/StructElem":
            yield from _walk(kid)


def _elements(pdf):
    return list(_walk(pdf.Root.StructTreeRoot.K))


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_catalog_says_tagged_pdf_ua(pdfs, fmt):
    with pikepdf.open(pdfs[fmt]) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "en"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert root.StructTreeRoot.K.S == "/Document"
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1" and meta["dc:title"]
        for page in pdf.pages:
            assert page.Tabs == "/S" and "/StructParents" in page


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_painted_thing_is_tagged_or_an_artifact(pdfs, fmt):
    with pikepdf.open(pdfs[fmt]) as pdf:
        parent_tree = pdf.Root.StructTreeRoot.ParentTree.Nums
        for number, page in enumerate(pdf.pages):
            depth, mcids, loose = 0, [], []
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    depth += 1
                    if op == "BDC" and "/MCID" in operands[1]:
                        mcids.append(int(operands[1].MCID))
                elif op == "EMC":
                    depth -= 1
                elif op in PAINTING and depth == 0:
                    loose.append(op)
            assert depth == 0 and loose == [], (number + 1, loose[:5])
            # each marked piece is known to the parent tree, in order
            marked = parent_tree[2 * number + 1]
            assert int(parent_tree[2 * number]) == number
            assert mcids == list(range(len(mcids))) and len(marked) == len(mcids)


@pytest.mark.parametrize("fmt", FORMATS)
def test_figures_have_alt_and_tables_headers_with_scope(pdfs, fmt):
    with pikepdf.open(pdfs[fmt]) as pdf:
        elements = _elements(pdf)
        figures = [e for e in elements if e.S == "/Figure"]
        assert figures and all(str(e.get("/Alt", "")).strip() for e in figures)
        tables = [e for e in elements if e.S == "/Table"]
        for table in tables:
            cells = [e for e in _walk(table) if e.S in ("/TH", "/TD")]
            heads = [e for e in cells if e.S == "/TH"]
            assert heads, "a table without header cells"
            assert all(str(h.A.Scope) in ("/Column", "/Row") for h in heads)
        headings = [str(e.S) for e in elements if re.fullmatch(r"/H\d", str(e.S))]
        assert headings, "no headings"
        if fmt != "slides-pdf":  # the handouts' levels never skip one
            levels = [int(h[2]) for h in headings]
            assert levels[0] == 1 and all(
                b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)
            )


def test_every_link_is_in_a_link_element_with_a_description(pdfs):
    with pikepdf.open(pdfs["handout"]) as pdf:
        links = [e for e in _elements(pdf) if e.S == "/Link"]
        assert links
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                if annotation.Subtype == "/Link":
                    assert "/StructParent" in annotation and str(annotation.Contents).strip()


def test_the_contents_give_each_entry_before_its_page_number(pdfs):
    raw = subprocess.run(
        ["pdftotext", "-raw", "-f", "1", "-l", "1", str(pdfs["handout"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    entries = [line for line in raw.splitlines() if re.search(r"\. \. .*\d$", line)]
    assert entries, raw
    assert all(not re.match(r"^\s*\d", line) for line in entries), entries[:3]


def test_the_running_header_and_footer_are_artifacts(pdfs):
    """Text inside artifacts is not in the structure: the header's title is not a
    paragraph of every page."""
    with pikepdf.open(pdfs["handout"]) as pdf:
        page = pdf.pages[1]
        inside, marked_texts = [], []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BMC" and str(operands[0]) == "/Artifact":
                inside.append("artifact")
            elif op == "BDC":
                inside.append("content")
            elif op == "EMC":
                inside.pop()
            elif op in ("Tj", "TJ") and inside and inside[-1] == "artifact":
                marked_texts.append(op)
        assert marked_texts, "no text drawn as an artifact (the running header and footer)"


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_independent_pdf_ua_checker_finds_nothing(pdfs, fmt):
    from pdfua import validate

    report = validate(str(pdfs[fmt]))
    findings = [(f.rule_id, f.message) for f in report.findings]
    assert findings == []
    assert not report.skipped, report.skipped


def _fonts(resources):
    yield from resources.get("/Font", {}).values()
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            yield from _fonts(xobject.Resources)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_font_is_embedded(pdfs, fmt):
    """PDF/UA wants every font embedded: the SVG's and the chart's text too (svglib and
    reportlab's charts would set it in base Helvetica)."""
    with pikepdf.open(pdfs[fmt]) as pdf:
        for page in pdf.pages:
            for font in _fonts(page.Resources):
                described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                descriptor = described.get("/FontDescriptor")
                assert descriptor is not None, str(font.BaseFont)
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_bullets_are_lists_in_the_slides_pdf(pdfs):
    with pikepdf.open(pdfs["slides-pdf"]) as pdf:
        lists = [e for e in _elements(pdf) if e.S == "/L"]
        assert lists
        for found in lists:
            items = [e for e in _walk(found) if e.S == "/LI"]
            assert items and all(any(k.S == "/LBody" for k in _walk(i)) for i in items)
        sections = [e for e in _elements(pdf) if e.S == "/Sect"]
        first = [e for e in _walk(sections[0]) if e is not sections[0]]
        assert first[0].S == "/H1"  # each slide's title first


def test_a_paragraph_split_across_pages_stays_one_element(tmp_path):
    words = " ".join(["Long notes keep going across the page."] * 160)
    outline = tmp_path / "outline.yaml"
    outline.write_text(
        "meta: {title: Long}\nsections:\n  - title: S\n    divider: false\n    slides:\n"
        f"      - {{kind: bullets, title: B, bullets: [x], notes: '{words}'}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run_cli("build", str(outline), "-o", str(out), "--format", "handout").exit_code == 0
    with pikepdf.open(next(out.glob("*.pdf"))) as pdf:
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        spanning = []
        for element in _elements(pdf):
            kids = element.get("/K")
            if element.S == "/P" and isinstance(kids, pikepdf.Array):
                on = {pages[k.Pg.objgen] for k in kids if isinstance(k, pikepdf.Dictionary)}
                if len(on) > 1:
                    spanning.append(sorted(on))
        assert spanning, "no paragraph continued on the next page as one element"
