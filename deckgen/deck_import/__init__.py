"""``deckgen import``: an existing PowerPoint deck as an outline (issue 21).

Two halves meet at :class:`~deckgen.deck_import.model.ImportedDeck`:

- ``read.py`` and the modules it uses open a deck as untrusted input (the template's
  checks), read each slide (text with levels and inline markup, tables, charts,
  pictures, notes, sections, hidden slides) and decide the kind each becomes;
- ``write.py`` turns an ``ImportedDeck`` into ``outline.yaml`` (readable YAML, with
  comments naming the source slides), ``assets/`` and ``template.pptx``, all or none.
"""
