"""The web handout (``--format html``), read back with lxml: one self-contained page whose
slides are the same frames as the deck's (inline SVG with real text), each followed by
its notes, then the comparison, glossary, references, worksheet and closing note; its
language, labels, audiences, answers and template as for the other formats."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import html as lxml_html

from deckgen.build import BuildOptions, load, prepare
from deckgen.check.web import html_findings
from deckgen.layout.access import is_chrome, is_decorative, is_title
from deckgen.layout.frames import TextBox

from .conftest import SHIPPED, run_cli

WEB = Path(__file__).resolve().parent / "fixtures" / "web" / "outline.yaml"
SVG = ""  # lxml's HTML parser gives inline SVG its elements without a namespace


def build_html(outline: Path, out: Path, *extra: str, env=None) -> Path:
    result = run_cli("build", str(outline), "-o", str(out), "--format", "html", *extra, env=env)
    assert result.exit_code == 0, result.output
    (page,) = out.glob("*.html")
    return page


def parsed(page: Path):
    return lxml_html.fromstring(page.read_bytes())


def text_of(element) -> str:
    return re.sub(r"\s+", " ", element.text_content()).strip()


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    page = build_html(WEB, tmp_path_factory.mktemp("web"))
    return page, parsed(page)


@pytest.fixture(scope="module")
def deck():
    options = BuildOptions(outline=str(WEB), out_dir=".")
    return prepare(load(options), None, {}, options).deck


def test_the_page_stands_alone_under_a_strict_policy(web):
    page, root = web
    assert root.get("lang") == "en"
    assert text_of(root.find(".//title")) == "Guards and Gauges"
    (policy,) = root.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    style = root.find(".//style").text
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in policy  # the page's one style sheet, and no other
    assert not root.xpath("//script") and not root.xpath("//*[@style]")
    loaded = root.xpath("//*[local-name()='image' or local-name()='use' or self::img]/@href")
    assert loaded and all(v.startswith(("data:", "#")) for v in loaded)
    assert "url(http" not in style and "@import" not in style
    assert html_findings(page.read_bytes(), page.name) == []


def test_every_slide_is_its_frame_drawn_with_real_text(web, deck):
    _page, root = web
    articles = root.xpath("//article[@class='slide']")
    shown = {int(a.get("id").split("-")[1]) for a in articles}
    frames = {f.number: f for f in deck.slides}
    reveal = next(f for f in deck.slides if f.reveals)
    assert reveal.number not in shown  # a participant's copy has no answer slide
    for article in articles:
        frame = frames[int(article.get("id").split("-")[1])]
        svg = article.find(f".//{SVG}svg")
        assert svg.get("aria-labelledby") == article.find("h3").get("id")
        drawn = " ".join(t.xpath("string()") for t in svg.iter(f"{SVG}text"))
        for item in frame.items:
            if isinstance(item, TextBox):
                for para in item.paragraphs:
                    for line in para.lines:
                        assert "".join(r.text for r in line).strip() in drawn, frame.title
        hidden = " ".join(t.xpath("string()") for t in svg.iter(f"{SVG}text") if _hidden(t))
        read = " ".join(t.xpath("string()") for t in svg.iter(f"{SVG}text") if not _hidden(t))
        # the title is the article's heading and chrome is not read; the rest is
        for item in frame.items:
            if not isinstance(item, TextBox):
                continue
            where = hidden if is_title(item) or is_chrome(item) or is_decorative(item) else read
            for para in item.paragraphs:
                for line in para.lines:
                    assert "".join(r.text for r in line).strip() in where, frame.title


def _hidden(element) -> bool:
    return any(a.get("aria-hidden") == "true" for a in element.iterancestors()) or (
        element.get("aria-hidden") == "true"
    )


def test_notes_follow_their_slide_with_their_emphasis_and_links(web):
    _page, root = web
    article = next(a for a in root.xpath("//article") if "Incidents" in text_of(a.find("h3")))
    notes = article.find("div[@role='note']")
    assert "Phishing is the bulk of it" in text_of(notes)
    assert notes.xpath(".//strong/text()") == ["bulk"]
    (link,) = notes.xpath(".//a")
    assert link.get("href") == "https://owasp.org/" and text_of(link) == "OWASP list"


def test_the_slides_inline_emphasis_code_and_links_are_svg_text_styles(web):
    _page, root = web
    article = next(a for a in root.xpath("//article") if "Three guards" in text_of(a))
    spans = {t.xpath("string()"): t for t in article.iter(f"{SVG}tspan")}
    assert spans["inputs"].get("font-style") == "italic"
    assert "deck-mono" in spans["tool calls"].get("font-family")


def test_pictures_and_charts_are_named_and_charts_give_their_figures(web):
    _page, root = web
    shield = root.xpath("//*[@role='img'][@aria-label='A blue shield with a white tick']")
    assert shield and shield[0].xpath(".//*[local-name()='use']")
    (target,) = shield[0].xpath(".//*[local-name()='use']/@href")
    (image,) = root.xpath(f"//*[@id='{target[1:]}']")
    assert image.get("href").startswith("data:image/svg+xml;base64,")
    chart = root.xpath("//*[@role='img'][starts-with(@aria-label, 'Phishing peaked')]")
    assert chart
    article = chart[0].xpath("ancestor::article")[0]
    table = article.find(".//details/table")
    assert [text_of(th) for th in table.xpath("thead//th")] == ["Phishing", "Malware"]
    rows = [[text_of(c) for c in tr] for tr in table.xpath("tbody/tr")]
    assert rows[3] == ["Q4", "14", "6.5"] and table.xpath("tbody/tr/th[@scope='row']")


def test_the_comparison_glossary_references_and_worksheet_are_html(web):
    _page, root = web
    table = root.xpath("//table[@aria-labelledby]")[0]
    assert [text_of(th) for th in table.xpath("thead/tr/th[@scope='col']")] == [
        "Aspect",
        "Guard",
        "Gauge",
    ]
    assert [text_of(td) for td in table.xpath("tbody/tr[1]/*")] == [
        "Does",
        "Stops attacks",
        "Measures controls",
    ]
    glossary = root.xpath("//dl[@class='glossary']")[0]
    assert [text_of(dt) for dt in glossary.findall("dt")] == ["Guard", "Gauge"]
    assert glossary.xpath("dd[1]//strong/text()") == ["attack"]
    (ref,) = root.xpath("//ul[@class='refs']/li")
    assert ref.xpath(".//a/@href") == [
        "https://owasp.org/www-project-top-10-for-large-language-model-applications/"
    ]
    quiz = root.xpath("//ol[@class='quiz']/li")[0]
    assert text_of(quiz.find("p")) == "1. Which of these is a guard?"
    assert len(quiz.xpath(".//ul[@class='options']/li")) == 3
    page_text = text_of(root)
    assert "Only the filter stops an attack." not in page_text  # no answers for participants
    assert "written by hand for the web handout" in page_text  # the disclosure


def test_the_contents_link_every_section_and_slide(web):
    _page, root = web
    nav = root.find(".//nav")
    targets = [a.get("href")[1:] for a in nav.iter("a")]
    assert targets and all(root.xpath(f"//*[@id='{t}']") for t in targets)
    assert len(targets) == len(set(targets))
    slides = root.xpath("//article[@class='slide']/@id")
    assert set(slides) <= set(targets)
    skip = root.find(".//body/a")
    assert skip.get("href") == "#main" and root.xpath("//main[@id='main']")


def test_headings_run_in_order(web):
    _page, root = web
    levels = [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:], strict=False))


def test_light_dark_and_print_styles(web):
    _page, root = web
    style = root.find(".//style").text
    assert "@media (prefers-color-scheme:dark)" in style and "@media print" in style
    assert root.xpath("//meta[@name='color-scheme']/@content") == ["light dark"]


def test_the_fonts_are_embedded_cut_to_what_the_page_shows(web):
    _page, root = web
    style = root.find(".//style").text
    faces = re.findall(r"font-family:([\w-]+);font-weight:(\w+);font-style:(\w+);.*?"
                       r"base64,([A-Za-z0-9+/=]+)", style)  # fmt: skip
    assert {(f, w, s) for f, w, s, _data in faces} >= {
        ("deck-body", "normal", "normal"),
        ("deck-body", "bold", "normal"),
        ("deck-mono", "normal", "normal"),
    }
    body = next(d for f, w, s, d in faces if (f, w, s) == ("deck-body", "normal", "normal"))
    font = TTFont(io.BytesIO(base64.b64decode(body)))
    assert font.flavor == "woff"
    covered = set(map(chr, font.getBestCmap()))
    shown = set(text_of(root.find(".//main"))) - {" ", "\u25a1"}
    assert shown <= covered
    assert len(covered) < 200  # cut to the page, not the whole font


def test_answers_and_reveal_slides_are_in_the_presenters_copy(tmp_path):
    root = parsed(build_html(WEB, tmp_path, "--answers"))
    page_text = text_of(root)
    assert "Only the filter stops an attack." in page_text
    assert any("(answer)" in text_of(h) for h in root.xpath("//article/h3"))


def test_an_audience_gets_its_own_cut(tmp_path):
    every = parsed(build_html(WEB, tmp_path / "all"))
    brief = parsed(build_html(WEB, tmp_path / "brief", "--audience", "brief"))
    titles = lambda root: [text_of(h) for h in root.xpath("//article/h3")]  # noqa: E731
    assert any("Response time" in t for t in titles(brief))
    assert any("An allow-list" in t for t in titles(every))
    assert not any("An allow-list" in t for t in titles(brief))


def test_every_audience_gets_a_page(tmp_path):
    result = run_cli("build", str(WEB), "-o", str(tmp_path), "--format", "html",
                     "--all-audiences")  # fmt: skip
    assert result.exit_code == 0, result.output
    names = {p.name for p in tmp_path.rglob("*.html")}
    assert names == {"guards-and-gauges-brief.html", "guards-and-gauges-deep.html"}


def test_a_german_talk_has_german_words_and_language(tmp_path):
    source = WEB.read_text(encoding="utf-8").replace('language: "en"', 'language: "de"')
    outline = WEB.parent / "de-outline.yaml"
    try:
        outline.write_text(source, encoding="utf-8")
        root = parsed(build_html(outline, tmp_path))
    finally:
        outline.unlink()
    assert root.get("lang") == "de"
    assert text_of(root.find(".//body/a")) == "Zum Inhalt springen"
    assert text_of(root.find(".//nav/h2")) == "Inhalt"
    assert "Die Zahlen des Diagramms" in text_of(root)


def test_a_template_s_artwork_is_drawn_once_and_used_on_each_slide(tmp_path):
    from .template.test_scenery import BAND, banded_template

    template = banded_template(tmp_path)
    page = build_html(SHIPPED, tmp_path / "out", "--template", str(template))
    root = parsed(page)
    svgs = root.xpath("//article//*[local-name()='svg']")
    bands = [s for s in svgs if s.xpath(f".//*[@fill='#{BAND}']")]
    assert len(bands) == len(svgs)  # the master's band under every slide
    images = root.xpath("//*[local-name()='defs']/*[local-name()='image']")
    assert len(images) == len({i.get("href") for i in images})  # each picture once
    assert html_findings(page.read_bytes(), page.name) == []


def test_the_page_is_reproducible(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    first = build_html(WEB, tmp_path / "a", env=env).read_bytes()
    second = build_html(WEB, tmp_path / "b", env=env).read_bytes()
    assert first == second


def test_the_page_check_finds_what_a_page_lacks():
    page = (
        b"<!DOCTYPE html><html><head><title></title></head><body><h2>x</h2><h4>y</h4>"
        b'<img src="https://example.org/a.png"><script>1</script><a href="#x"></a>'
        b'<table><tr><th>a</th></tr></table><g role="img"></g><p id="d"></p><p id="d"></p>'
        b"</body></html>"
    )
    said = " | ".join(d.message for d in html_findings(page, "bad.html"))
    for problem in (
        "no language",
        "no title",
        "no content security policy",
        "0 first-level headings",
        "level-4 heading after a level-2",
        "loads https://example.org/a.png",
        "a script",
        "a link without words",
        "header cell without a scope",
        "picture without a text alternative",
        "an <img> without alt",
        "the id 'd' used twice",
    ):
        assert problem in said, problem


def test_check_reads_the_web_handout():
    result = run_cli("check", str(WEB), "--json")
    import json

    report = json.loads(result.stdout)
    assert "html" in report["checked"]
    assert not [f for f in report["findings"] if ".html" in f["message"]]


@pytest.mark.parametrize("fs_type, embedded", [(0, True), (2, False)])
def test_the_decks_font_is_embedded_where_its_licence_allows(tmp_path, fs_type, embedded):
    from .layout.test_fonts import FAMILY, renamed_font

    folder = tmp_path / "talk"
    folder.mkdir()
    outline = folder / "outline.yaml"
    text = WEB.read_text(encoding="utf-8")
    outline.write_text(text + f'\ntheme: {{font: "{FAMILY}"}}\n', encoding="utf-8")
    (folder / "assets").mkdir()
    (folder / "assets" / "shield.svg").write_bytes(
        (WEB.parent / "assets" / "shield.svg").read_bytes()
    )
    renamed_font(folder / "fonts", fs_type=fs_type)
    root = parsed(build_html(outline, tmp_path / "out"))
    style = root.find(".//style").text
    names = set()
    for data in re.findall(r"base64,([A-Za-z0-9+/=]+)\) format", style):
        names.add(TTFont(io.BytesIO(base64.b64decode(data)))["name"].getDebugName(1))
    assert (FAMILY in names) is embedded, names
    body = re.search(r"--body:([^;]+);", style).group(1)
    # where it may not be embedded, an installed copy is still asked for first
    assert body.startswith("deck-body") if embedded else body.startswith(f"'{FAMILY}'")


def test_a_font_name_cannot_leave_the_style_sheet(tmp_path):
    outline = tmp_path / "outline.yaml"
    hostile = "Evil</style><script>alert(1)</script>';"
    outline.write_text(
        'meta: {title: T}\ntheme: {font: "' + hostile.replace('"', '\\"') + '"}\n'
        "sections:\n  - title: S\n    slides:\n      - {kind: bullets, title: B, bullets: [x]}\n",
        encoding="utf-8",
    )
    page = build_html(outline, tmp_path / "out")
    root = parsed(page)
    assert not root.xpath("//script")
    assert "</style><script>" not in page.read_text(encoding="utf-8")
    from deckgen.layout.web import _quoted

    assert _quoted(hostile) == "'Evilstylescriptalert1script'"  # what a page may ask for
    assert html_findings(page.read_bytes(), page.name) == []


def test_an_overlay_gives_a_client_its_own_page(tmp_path):
    folder = tmp_path / "talk"
    folder.mkdir()
    outline = folder / "outline.yaml"
    outline.write_text(WEB.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "assets").mkdir()
    (folder / "assets" / "shield.svg").write_bytes(
        (WEB.parent / "assets" / "shield.svg").read_bytes()
    )
    overlay = folder / "client.yaml"
    overlay.write_text(
        'meta:\n  title: "Guards and Gauges at Contoso"\ntheme:\n  colors: {primary: "#7A1F5C"}\n',
        encoding="utf-8",
    )
    root = parsed(build_html(outline, tmp_path / "out", "--overlay", str(overlay)))
    assert text_of(root.find(".//title")) == "Guards and Gauges at Contoso"
    assert text_of(root.find(".//h1")) == "Guards and Gauges at Contoso"
    assert "7A1F5C" in root.find(".//style").text  # the client's colour heads the page
