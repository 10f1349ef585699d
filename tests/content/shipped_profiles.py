"""The shipped checklist and answers to its profile questions, shared by the content tests."""

from __future__ import annotations

from support import ROOT
from tebiki.data.checklist.model import Checklist
from tebiki.data.project import Paths, load_project


def shipped_checklist() -> Checklist:
    checklist = load_project(Paths.under(ROOT)).checklist
    assert checklist is not None, "the shipped guideline has a checklist"
    return checklist


# A small shop: up to 100 people, no contractor work, no entrusting, IT used: the SME track.
SHOP = {
    "employees": "upto100",
    "over5000": "no",
    "contractor": "no",
    "entrusts": "no",
    "acquires": "no",
    "it": "yes",
    "room": "no",
    "abroad": "no",
}
