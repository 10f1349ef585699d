"""tebiki: turn a guideline, kept as validated data, into an outreach and training site."""
