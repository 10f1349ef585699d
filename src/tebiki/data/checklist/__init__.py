"""Self-check checklists: profile questions, tracks and entries, all kept as data."""
