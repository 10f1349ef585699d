"""Stage 4: the MkDocs plugin, its options and the upstream seams; the only package that imports mkdocs."""
