"""The OOXML namespaces as lxml's ``{uri}`` tag prefixes, for the modules that write
DrawingML and PresentationML elements directly."""

PML = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
DML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
