"""Stage 3a: side effects that turn generated output into artefacts: PDFs, search index, offline zip, swap."""
