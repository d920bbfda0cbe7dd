"""One module a language: its ``WORDS``, every label of English's."""
