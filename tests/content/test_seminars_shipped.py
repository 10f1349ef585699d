"""The shipped seminars data: what it may and may not claim about the 2014 briefings."""

from __future__ import annotations

from support import ROOT
from tebiki.data.project import Paths, load_project
from tebiki.data.seminars.model import Provider


def load(root):
    return load_project(Paths.under(root))


def test_the_real_data_loads_and_names_no_city_date_or_video_id() -> None:
    seminars = load(ROOT).seminars
    regional = next(s for s in seminars.series if s.id == "regional-2014")
    assert regional.planned == 8 and regional.sessions == [], "the seed names no cities or dates (FACTS §6)"
    hosted = [rec for _, rec in seminars.recordings() if rec.provider is not Provider.file]
    assert hosted == [], "no recording of the 2014 briefings was found: no provider video IDs"
