"""Building on an organisation's template: open it (from --template, or the tailored
talk's theme.template), choose its layouts and fill the design record from it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Diagnostic

if TYPE_CHECKING:
    from ..build import BuildOptions
    from ..layout.design import Design
    from ..outline.talk import Talk
    from .layouts import LayoutPlan
    from .package import Template


@dataclass(frozen=True)
class OnTemplate:
    """A template opened and cleaned, and the layout each slide is built on."""

    template: Template
    plan: LayoutPlan


def open_template(
    talk: Talk, base_dir: str, options: BuildOptions | None
) -> tuple[OnTemplate | None, Design | None, list[Diagnostic]]:
    """The template to build on with the design it gives, or (None, None, []) for the
    default design."""
    ref = talk.theme.template
    given = options.template if options is not None else None
    if given is None and ref is None:
        return None, None, []
    from .design import design_on
    from .layouts import plan_layouts
    from .package import TemplateOptions, read_template
    from .restyle import restyle_unreadable_text
    from .titles import place_titles

    opening = TemplateOptions(
        strip_macros=bool(options and options.strip_macros),
        allow_external_links=bool(options and options.allow_external_links),
    )
    if given is not None:  # named on the command line: its own folder is fine
        path = Path(given)
        template = read_template(str(path), Path.cwd(), path.resolve().parent, None, opening)
        named, pos, name_pos = {}, None, {}
    else:
        pos = ref.pos or talk.theme.pos
        template = read_template(ref.path, base_dir, base_dir, pos, opening)
        named, name_pos = dict(ref.layouts), ref.layout_pos
    _check_scale(template, pos)
    plan, problems = plan_layouts(template.prs, named, pos, name_pos)
    design, look_problems = design_on(template.prs, plan.chosen, talk)
    moved = place_titles(plan.chosen, design.grid.title_box)
    restyle_unreadable_text(plan.chosen, design)
    return OnTemplate(template, plan), design, template.repairs + problems + look_problems + moved


def _check_scale(template: Template, pos) -> None:
    """Refuse slides too small for deckgen's type sizes, floors and steps to scale to."""
    from ..errors import InputError, error, quoted
    from ..layout.geometry import EMU_PER_INCH
    from .design import DEFAULT_HEIGHT, DEFAULT_WIDTH, MIN_FACTOR, scale_factor

    prs = template.prs
    if scale_factor(prs) >= MIN_FACTOR:
        return
    width, height = (side / EMU_PER_INCH for side in (prs.slide_width, prs.slide_height))
    least = (side * MIN_FACTOR / EMU_PER_INCH for side in (DEFAULT_WIDTH, DEFAULT_HEIGHT))
    message = (
        f"template {quoted(template.path.name)}: its slides are {width:.2f} × {height:.2f} in, "
        "too small to lay a talk out on"
    )
    hint = "give it slides of at least {:.2f} × {:.2f} in: Design › Slide Size".format(*least)
    raise InputError(message, [error(message, pos, hint)])
