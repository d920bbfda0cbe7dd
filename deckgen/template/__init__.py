"""Organisation templates: open and clean a .pptx or .potx, and say what is in it."""
