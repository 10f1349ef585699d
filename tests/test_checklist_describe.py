"""An entry's 「対象」 ("Applies to") in words: the applicability rules of the fixture sites (all, any, several keys,
lists of options, nesting) described in each site's language, without logic words or quote marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tebiki import translations
from tebiki.data.checklist.model import Checklist
from tebiki.data.project import Paths, load_project
from tebiki.generate.checklist import describe

FIXTURES = Path(__file__).parent / "fixtures" / "sites"


@pytest.fixture(scope="module", params=["ja", "en"])
def site(request: pytest.FixtureRequest) -> tuple[str, Checklist]:
    language = request.param
    with translations.using(language):
        checklist = load_project(Paths.under(FIXTURES / language)).checklist
    assert checklist is not None
    return language, checklist


EXPECTED = {
    "ja": {
        None: "すべての組織",
        "one": "任せている組織",
        "list": "従業員が20人以下で、外に持ち出す（または、外に持ち出さない）組織",
        "keys": "従業員が21人以上で、任せている組織",
        # The small track's rule: all of [size, any of [entrusts, remote]].
        "track": "従業員が20人以下で、任せていない（または、外に持ち出さない）組織",
        # CL-REC-03: any of [entrusts, all of [size, remote in (yes, no)]].
        "nested": "任せている（または、従業員が21人以上で、外に持ち出す（または、外に持ち出さない））組織",
        "two_groups": "（従業員が20人以下で、任せている）（または、従業員が21人以上で、外に持ち出さない）組織",
    },
    "en": {
        None: "every school",
        "one": "schools where others handle their records",
        "list": "schools where they have 20 people or fewer, "
        "and the records leave the premises (or the records stay on the premises)",
        "keys": "schools where they have 21 people or more, and others handle their records",
        "track": "schools where they have 20 people or fewer, and no one else handles their records "
        "(or the records stay on the premises)",
        "nested": "schools where others handle their records (or they have 21 people or more, "
        "and the records leave the premises (or the records stay on the premises))",
        "two_groups": "schools where (they have 20 people or fewer, and others handle their records) "
        "(or they have 21 people or more, and the records stay on the premises)",
    },
}

CONDITIONS: dict[str | None, dict | None] = {
    None: None,
    "one": {"entrusts": "yes"},
    # A list of options is an alternative: it goes after the plain clauses, whatever the key order.
    "list": {"remote": ["yes", "no"], "size": "small"},
    "keys": {"size": "large", "entrusts": "yes"},
    "two_groups": {
        "any": [{"size": "small", "entrusts": "yes"}, {"all": [{"size": "large"}, {"remote": "no"}]}],
    },
}


@pytest.mark.parametrize("case", list(EXPECTED["ja"]))
def test_conditions_are_joined_in_words(site: tuple[str, Checklist], case: str | None) -> None:
    language, checklist = site
    if case == "track":
        condition = next(t.when for t in checklist.tracks if t.id == "small")
    elif case == "nested":
        condition = next(e.applies_if for e in checklist.entries() if e.id == "CL-REC-03")
    else:
        condition = CONDITIONS[case]
    with translations.using(language):
        text = describe(condition, checklist)
    assert text == EXPECTED[language][case]
    for logic_word in ("かつ", "「", "“", " AND ", " OR "):
        assert logic_word not in text
