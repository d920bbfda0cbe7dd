"""``deckgen template check``: an outline built on a template in memory, and what it
says: the layouts used, the diagnostics grouped by topic (fit, contrast, fonts,
template, other), and what the deck shows of the template, by layout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TOPICS = (
    ("fit", "fit"),
    ("contrast", "contrast"),
    ("font", "fonts"),
    ("template", "template"),
    (None, "other"),
)


@dataclass(frozen=True)
class TemplateTrial:
    """The check's answer: ``report`` its JSON (file, outline, builds, slides, layouts,
    one list of diagnostics a topic, template_findings), ``by_layout`` the findings on
    the template as lines by layout."""

    report: dict
    by_layout: list[str]

    @property
    def builds(self) -> bool:
        return self.report["builds"]

    def lines(self) -> list[str]:
        """The report as text, a line each."""
        report = self.report
        verdict = (
            f"builds: {report['slides']} slides"
            if report["builds"]
            else "does not build: the errors below say what to change"
        )
        lines = [f"{report['file']} with {report['outline']}: {verdict}", *report["layouts"]]
        for _topic, label in TOPICS:
            found = report[label]
            lines.append(f"{label}: {len(found) or 'nothing to say'}")
            for item in found:
                where = f"{item['file']}:{item['line']}:{item['column']}: " if item["file"] else ""
                hint = f" ({item['hint']})" if item["hint"] else ""
                lines.append(f"  {where}{item['severity']}: {item['message']}{hint}")
        lines.append(
            f"on the template, by layout: {len(report['template_findings']) or 'nothing to say'}"
        )
        return lines + self.by_layout


def check_template(file: str, options) -> TemplateTrial:
    """Build ``options`` (a BuildOptions with ``template`` = ``file`` and the deck as its
    one format) in memory. A build that fails is part of the answer (``builds`` False,
    its errors grouped); an outline or template that cannot be read raises."""
    from .build import load, render_loaded
    from .check.findings import by_layout, seen_on_template
    from .errors import BuildError

    seen = []
    try:
        rendered = render_loaded(load(options), options)
        diagnostics, slides, failed = rendered.result.diagnostics, rendered.result.slides, False
        seen = seen_on_template(rendered.prepared, rendered.files[0][1], layouts=True)
    except BuildError as exc:
        diagnostics, slides, failed = exc.diagnostics, None, True
    name = options.display_name or str(options.outline)
    report = _report(file, name, _layouts(file, options), diagnostics, slides, failed)
    report["template_findings"] = [finding.to_json() for finding in seen]
    return TemplateTrial(report, by_layout(seen))


def _layouts(file, options) -> list[str]:
    from .template.inspect import as_text, describe
    from .template.package import TemplateOptions, read_template

    opening = TemplateOptions(options.strip_macros, options.allow_external_links)
    opened = read_template(file, Path.cwd(), Path(file).resolve().parent, None, opening)
    return [line for line in as_text(describe(opened)) if " slides use " in line]


def _report(file, outline, layouts, diagnostics, slides, failed) -> dict:
    known = {topic for topic, _label in TOPICS}
    groups = {
        label: [
            d.to_json()
            for d in diagnostics
            if d.topic == topic or (topic is None and d.topic not in known)
        ]
        for topic, label in TOPICS
    }
    return {
        "file": file,
        "outline": outline,
        "builds": not failed,
        "slides": slides,
        "layouts": layouts,
        **groups,
    }
