"""Answers to the shipped checklist's profile questions, shared by the content tests."""

from __future__ import annotations

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
