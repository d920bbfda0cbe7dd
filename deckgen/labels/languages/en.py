"""deckgen's own words in English."""

from __future__ import annotations

WORDS: dict[str, str] = {
    # slides
    "agenda": "Agenda",
    "agenda_notes": "Today: {sections}.",
    "glossary": "Glossary",
    "glossary_notes": "Glossary: {terms}.",
    "references": "References",
    "references_notes": "References for this talk.",
    "closing": "Thank you",
    "quiz": "Check your understanding",
    "answer": "Answer: {options}.",
    "answer_slide": "{title} (answer)",
    "continued": "{title} (cont.)",
    "continued_notes": "Continued from “{title}”. The speaker notes are on the first slide.",
    "chart_bar": "Bar chart",
    "chart_column": "Column chart",
    "chart_line": "Line chart",
    "chart_pie": "Pie chart",
    "chart_series": "{series}: {values}",  # a chart's alt text, per series
    "deck_comments": "Made with deckgen from an outline.",
    # the handout
    "handout_subject": "{title} (handout)",
    "contents": "Contents",
    "presenter": "Presenter",
    "organisation": "Organisation",
    "date": "Date",
    "audience": "Audience",
    "slides": "Slides",
    "for_audience": "for {audience}",
    "page_of": "page {page} of {total}",
    "page": "page {page}",
    "reading_table": "The comparison from slide {number}, at reading size.",
    "cited": "Quoted on slide {slides}.",
    "cited_many": "Quoted on slides {slides}.",
    "worksheet": "Check your understanding",
    "answer_key": "Answer key",
    "about": "About this handout",
    "made": "Made with deckgen on {date} from the same outline and the same laid-out "
    "slides as the deck.",
    # the web handout
    "skip_link": "Skip to the content",
    "chart_data": "The chart’s figures",
    # the facilitator guide
    "guide": "Facilitator guide",
    "guide_subject": "{title} (facilitator guide)",
    "session_plan": "Session plan",
    "time": "Time",
    "section": "Section",
    "minutes": "Minutes",
    "minutes_short": "{minutes} min",
    "total": "Total",
    "end": "End",
    "slide": "Slide {number}",
    "cue": "Cue",
    "notes": "Notes",
    "materials": "Materials",
    "material_deck": "The deck: {count} slides",
    "material_handout": "A participants’ handout for each person",
    "material_worksheet": "The worksheet in it: {count} questions",
    "material_worksheet_one": "The worksheet in it: one question",
    "material_answers": "The answer key, for the presenter only: build --answers (…-answers.pdf)",
    # issue 23 item 2: breaks in the agenda and the guide's session plan
    "break": "Break",
    "agenda_break": "Break ({minutes})",
    # issue 23, item 3: one language throughout (divider notes, references, preview)
    "full_stop": ".",  # ends a sentence deckgen joins (not where the text has its own)
    "divider_notes": "Section {number}: {title}",
    "preview": "deckgen preview",
    "preview_build": "build {number}",
    "preview_handout": "web handout",
    "preview_slide": "Slide {number}: {title}",
    "preview_heading": "{number}. {title}",
    "preview_time": "about {minutes} min "
    "({words} words of notes at {pace} a minute + {slides} slides × {seconds} s)",
}
