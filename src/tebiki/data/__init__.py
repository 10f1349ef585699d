"""Stage 1: YAML data -> validated, cross-checked models. Imports no other tebiki stage but `text`."""
