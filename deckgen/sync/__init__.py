"""``deckgen sync``: edits made in a built deck carried back into the outline (issue 21).

``record.py`` is what a build records in the deck (its options; ``render/pptx/ids.py``
writes it and the slide and shape ids); ``read.py`` opens the edited deck as untrusted
input and reads its ids, text and notes; ``match.py`` pairs its slides and shapes with
the frames the outline lays out into; ``compare.py`` aligns their paragraphs and
``trace.py`` finds the outline scalar each changed paragraph showed (``scalars.py``
lists them); ``rewrite.py`` maps the edit into that scalar (``{variables}`` kept) and
``markdown.py`` writes bold, italic, code and links back as the outline's Markdown
subset; ``run.py`` puts it together.
"""
