"""The engine is neutral: no text of the shipped METI guideline's own data reaches a site
made for another guideline (`tebiki new`, Japanese and English, superseded and in force).
A content test: it reads the shipped data, which a replaced guideline does not have."""

from __future__ import annotations

import pytest
import yaml

import test_localisation
from support import ROOT
from tebiki.text import oneline
from test_localisation import page_texts

sample_site = test_localisation.sample_site  # the built `tebiki new` sites, a fixture


def _shipped_strings() -> set[str]:
    """Distinctive strings of the shipped guideline's own data (titles, credits, dates)."""
    data = ROOT / "guideline"
    found: set[str] = {"経済産業省", "経産省", "ベネッセ", "Benesse", "METI", "2014年", "2017年5月30日"}
    found.add("個人情報保護委員会")
    meta = yaml.safe_load((data / "guideline.yml").read_text(encoding="utf-8"))
    found |= {str(v) for k, v in meta.items() if isinstance(v, str) and k != "status"}
    for path in sorted((data / "sections").glob("*.yml")):
        section = yaml.safe_load(path.read_text(encoding="utf-8"))
        found |= {section["title"], oneline(section["lead"])[:30]}
        found |= {item["title"] for group in section["groups"] for item in group["items"] if len(item["title"]) >= 6}
    sources = yaml.safe_load((data / "sources.yml").read_text(encoding="utf-8"))
    found |= {s["title"] for s in sources}
    return {s for s in found if len(s) >= 4}


@pytest.mark.parametrize(("language", "status"), [("en", "superseded"), ("ja", "superseded"), ("ja", "in-force")])
def test_no_text_of_the_shipped_guideline_reaches_another_site(sample_site, language: str, status: str) -> None:
    texts = page_texts(sample_site(language, status))
    strings = _shipped_strings()
    assert len(strings) > 20  # the shipped data was read
    hits = {(path, s) for path, text in texts.items() for s in strings if s in text}
    assert not hits, f"the shipped guideline's text in the engine: {sorted(hits)[:5]}"
