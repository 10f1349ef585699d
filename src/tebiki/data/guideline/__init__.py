"""The guideline: meta, sections of items, today's rules and the sources (model, load)."""
