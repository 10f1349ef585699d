"""Trainer kits for briefing sessions: the session plans (model, load).

A kit names the guideline sections and question banks a session goes through;
the slides, live quiz and handouts are all generated from that same data.
"""
