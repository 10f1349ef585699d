# The README contract: `make site` builds the site, `make test` runs every test.
# Both install what they need first (scripts/setup.sh), so a fresh clone needs nothing else.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.tebiki-setup
# Builds of one commit are byte-identical: dates come from the commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve setup coverage publish video clean

site: $(STAMP)
	$(BIN)/mkdocs build --strict
	$(BIN)/tebiki coverage

# What the GitHub Pages workflow publishes: the site with its PDF, the offline zip beside
# it, and every output check passed. The accessibility run tests the built site and the
# second build publishes its results; the results page itself is then tested too.
A11Y_RESULTS := .tebiki/a11y-results.json
publish: export TEBIKI_OFFLINE_PACKAGE := true
publish: $(STAMP)
	$(BIN)/mkdocs build --strict
	$(BIN)/tebiki a11y --out $(A11Y_RESULTS)
	$(BIN)/mkdocs build --strict
	$(BIN)/tebiki a11y --page accessibility/results/
	$(BIN)/tebiki offline
	$(BIN)/tebiki coverage
	$(BIN)/tebiki check-site

# Every test, then the engine tests again on a checkout whose guideline is replaced by the
# English fixture: only tests/content may depend on the shipped guideline. The browser tests
# are left out of that second leg: they drive the engine fixture site in both legs alike; so is
# tests/test_code_quality.py, whose tools read the code alone (the same in both legs).
# Both runs share the checkout's pool of typeset PDFs (.tebiki/test-cache/, git-ignored), kept
# between runs and keyed by their content and the typesetting code (tests/conftest.py): a PDF
# is typeset once until its input changes. A clean clone (CI) starts with an empty pool.
test: $(STAMP)
	$(BIN)/pytest && scripts/test-with-fixture.sh en -m "not browser" --ignore=tests/test_code_quality.py

serve: $(STAMP)
	$(BIN)/mkdocs serve

coverage: $(STAMP)
	$(BIN)/tebiki coverage

# Remake the generated briefing videos after their data changed (`tebiki validate` says when).
video: $(STAMP)
	$(BIN)/python scripts/make-briefing-video.py

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/setup.sh package-lock.json
	bash scripts/setup.sh
	touch $@

clean:
	rm -rf site site.tebiki-new site.tebiki-old coverage.json

# tebiki's own interface strings: extract them from the code, templates and scripts, then merge
# them into every catalog (see README, "Adding a language"). New entries come out untranslated;
# tests/test_catalogs.py fails until each is translated.
LOCALES := src/tebiki/theme/locales/tebiki
.PHONY: catalogs
catalogs: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-wrap --sort-by-file -c Translators: -k pgettext:1c,2 -o $(LOCALES)/tebiki.pot src tools
	for po in $(LOCALES)/*.po; do \
	  $(BIN)/pybabel update --no-wrap --no-fuzzy-matching --ignore-obsolete -D tebiki -i $(LOCALES)/tebiki.pot -o $$po -l $$(basename $$po .po) || exit 1; \
	done
