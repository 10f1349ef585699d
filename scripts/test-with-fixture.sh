#!/usr/bin/env bash
# Runs the engine tests on a checkout whose guideline is replaced by a fixture site:
# mkdocs.yml, docs/, guideline/ and quizzes/ come from tests/fixtures/sites/<name>.
# Only tests/content/ is bound to the shipped guideline, so everything else must pass.
#   scripts/test-with-fixture.sh en            # or ja, in-force; extra arguments go to pytest
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
fixture="$here/tests/fixtures/sites/${1:?usage: $0 ja|en|in-force [pytest args]}"
shift
[ -d "$fixture" ] || { echo "no fixture site at $fixture" >&2; exit 3; }
work="$(mktemp -d "${TMPDIR:-/tmp}/tebiki-fixture.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# The checkout as git sees it (tracked and new files), without the shipped site's data.
(cd "$here" && git ls-files -co --exclude-standard -z) | (cd "$here" && xargs -0 cp -P --parents -t "$work" 2>/dev/null || true)
rm -rf "$work/mkdocs.yml" "$work/docs" "$work/guideline" "$work/quizzes"
cp -r "$fixture/mkdocs.yml" "$fixture/docs" "$fixture/guideline" "$fixture/quizzes" "$work/"
ln -s "$here/.venv" "$work/.venv"
[ -d "$here/node_modules" ] && ln -s "$here/node_modules" "$work/node_modules"
cd "$work"
# The copy's own code, not the editable install's checkout (which may change while this runs).
export PYTHONPATH="$work/src:$work${PYTHONPATH:+:$PYTHONPATH}"
# The checkout's pool of typeset PDFs (tests/conftest.py), not the copy's, which starts empty.
export TEBIKI_TEST_PDF_POOL="${TEBIKI_TEST_PDF_POOL:-$here/.tebiki/test-cache/pdf-pool}"
NO_MKDOCS_2_WARNING=1 .venv/bin/pytest tests --ignore=tests/content -p no:cacheprovider "$@"
