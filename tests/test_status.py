"""Guideline status as data: in force (no abolition, no today's rules) or superseded."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from support import edit
from support import guideline_problems as problems
from tebiki.data.guideline.load import load_guideline
from tebiki.data.guideline.model import Status
from tebiki.data.project import Paths, load_project
from tebiki.generate import generate

MINI = Path(__file__).parent / "fixtures" / "mini"
SUPERSESSION = "abolished: 2017-05-30\nsuccessor: 今のガイドライン\nsuccessor_url: https://example.invalid/today\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    dest = tmp_path / "guideline"
    shutil.copytree(MINI, dest)
    return dest


def in_force(data: Path) -> Path:
    """The fixture turned into a guideline that still applies: no abolition, no `today`."""
    edit(data / "guideline.yml", SUPERSESSION, "status: in-force\n")
    section = data / "sections" / "one.yml"
    section.write_text(re.sub(r"\n *today: \{[^}]*\}", "", section.read_text(encoding="utf-8")), encoding="utf-8")
    return data


def test_abolition_date_alone_means_superseded(data: Path) -> None:
    meta = load_guideline(data, data.parent).meta
    assert meta.status is Status.superseded and meta.superseded


def test_in_force_guideline_loads_without_today_or_todays_rules(data: Path) -> None:
    in_force(data)
    (data / "today.yml").unlink()
    (data / "checklist.yml").unlink()  # its levels rest on today's rules
    (data / "profile.yml").unlink()
    g = load_guideline(data, data.parent)
    assert not g.meta.superseded and g.meta.abolished is None
    assert all(item.today is None for item in g.items())


def test_superseded_guideline_needs_successor_and_link(data: Path) -> None:
    edit(data / "guideline.yml", "successor: 今のガイドライン\nsuccessor_url: https://example.invalid/today\n", "")
    (p,) = problems(data)
    assert p.file == "guideline/guideline.yml"
    assert "missing: successor, successor_url" in p.message


def test_in_force_guideline_cannot_have_an_abolition_date(data: Path) -> None:
    edit(data / "guideline.yml", "abolished:", "status: in-force\nabolished:")
    (p,) = problems(data)
    assert "a guideline in force has no abolished, successor, successor_url" in p.message
    assert "status: superseded" in p.hint and "remove abolished" in p.hint  # what to do, not a generic hint


def test_a_superseded_guideline_cannot_say_since_when_it_is_in_force(data: Path) -> None:
    edit(data / "guideline.yml", "abolished:", "in_force_since: 2010-04-01\nabolished:")
    (p,) = problems(data)
    assert p.file == "guideline/guideline.yml" and "not `in_force_since`" in p.message
    assert "remove in_force_since" in p.hint and "status: in-force" in p.hint


def test_the_status_of_a_guideline_in_force_is_said_in_its_language(data: Path) -> None:
    """With its day when the data gives one; in Japanese and English from the catalogs."""
    from tebiki import translations
    from tebiki.generate import notices

    in_force(data)
    meta = load_guideline(data, data.parent).meta
    with translations.using("ja"):
        assert notices.in_force(meta) == "このガイドラインは現在適用されています。"
    dated = meta.model_copy(update={"in_force_since": dt.date(2024, 3, 12)})
    with translations.using("ja"):
        assert notices.in_force(dated) == "このガイドラインは2024年3月12日から適用されています。"
    with translations.using("en"):
        assert notices.in_force(dated) == "This guideline has been in force since March 12, 2024."


def test_superseded_item_without_today_is_named_with_its_line(data: Path) -> None:
    edit(data / "sections/one.yml", "\n        today: {equivalence: none, summary: 歴史的な事実です。}", "")
    (p,) = problems(data)
    assert p.file == "guideline/sections/one.yml" and p.line == 22
    assert p.field.endswith("today") and "each item says how it maps" in p.message and "add `today" in p.hint


def test_items_of_an_in_force_guideline_cannot_map_to_today(data: Path) -> None:
    edit(data / "guideline.yml", SUPERSESSION, "status: in-force\n")  # every item still has its `today`
    found = problems(data)
    assert len(found) == 3 and all(p.field.endswith(".today") for p in found)
    assert all("the guideline is in force: items have no `today`" in p.message for p in found)
    assert "groups[2].items[0].today" in {p.field for p in found}


def test_a_superseded_guideline_without_its_abolition_date_is_explained(data: Path) -> None:
    edit(data / "guideline.yml", "abolished: 2017-05-30\n", "")
    (p,) = problems(data)
    assert p.file == "guideline/guideline.yml" and "missing: abolished" in p.message
    assert "add abolished" in p.hint and "status: in-force" in p.hint
    assert not p.message.startswith("Value error")


def test_in_force_site_has_no_abolition_notice_or_todays_rule(data: Path) -> None:
    in_force(data)
    project = load_project(Paths(root=data.parent, data=data, quizzes=data / "quizzes"))
    pages = {p.path: p.content for p in generate(project)}
    text = "\n".join(pages.values())
    assert "廃止" not in text
    assert "tebiki-today" not in text and "今のルールでは" not in text
    assert "今のルールの一覧" not in pages["sources.md"]
    superseded = {
        p.path: p.content for p in generate(load_project(Paths(root=MINI.parent, data=MINI, quizzes=MINI / "quizzes")))
    }
    assert "廃止" in superseded["guideline/one.md"] and "tebiki-today" in superseded["guideline/one.md"]
