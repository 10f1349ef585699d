"""tebiki's message catalogs: complete for every language, in step with the code, placeholders intact."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tebiki import translations

ROOT = Path(__file__).resolve().parents[1]
LOCALES = translations.CATALOGS


def _ids(catalog) -> set:
    return {(m.context, m.id) for m in catalog if m.id}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory):
    """The messages in the code now, extracted as `make catalogs` does."""
    out = tmp_path_factory.mktemp("pot") / "tebiki.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-o", str(out), "src", "tools"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with out.open("rb") as fh:
        return read_po(fh)


def test_japanese_and_english_catalogs_exist() -> None:
    assert {"ja", "en"} <= set(translations.languages())


def test_template_matches_the_code(extracted) -> None:
    with (LOCALES / "tebiki.pot").open("rb") as fh:
        pot = read_po(fh)
    missing, stale = _ids(extracted) - _ids(pot), _ids(pot) - _ids(extracted)
    assert not missing and not stale, f"run `make catalogs`: new {sorted(missing)[:5]}, gone {sorted(stale)[:5]}"


@pytest.mark.parametrize("language", translations.languages())
def test_every_message_is_translated_and_none_is_fuzzy(language: str, extracted) -> None:
    catalog = translations.catalog(language)
    by_id = {(m.context, m.id): m for m in catalog if m.id}
    untranslated = [mid for mid in _ids(extracted) if mid not in by_id or not _complete(by_id[mid].string)]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated, f"{language}.po lacks {len(untranslated)} translations, e.g. {untranslated[:3]}"
    assert not fuzzy, f"{language}.po has fuzzy entries: {fuzzy[:3]}"


def _complete(string) -> bool:
    return all(string) if isinstance(string, tuple | list) else bool(string)


@pytest.mark.parametrize("language", translations.languages())
def test_placeholders_survive_translation(language: str) -> None:
    """Babel's checkers: every %(name)s of the msgid is in the translation, and no other."""
    problems = [(m.id, [str(e) for e in errors]) for m, errors in translations.catalog(language).check()]
    assert not problems, problems[:3]
