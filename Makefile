# The README contract: `make site` builds the site, `make test` runs every test.
# Both install what they need first (scripts/setup.sh), so a fresh clone needs nothing else.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.tebiki-setup

.PHONY: site test serve setup coverage video clean

site: $(STAMP)
	$(BIN)/mkdocs build --strict
	$(BIN)/tebiki coverage

test: $(STAMP)
	$(BIN)/pytest

serve: $(STAMP)
	$(BIN)/mkdocs serve

coverage: $(STAMP)
	$(BIN)/tebiki coverage

# Remake the generated briefing videos after their data changed (`tebiki validate` says when).
video: $(STAMP)
	$(BIN)/python scripts/make-briefing-video.py

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $@

clean:
	rm -rf site site.tebiki-new site.tebiki-old coverage.json
