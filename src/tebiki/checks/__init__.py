"""Stage 3b: checks that read the built site: coverage, links and HTML, raw quiz syntax, accessibility."""
