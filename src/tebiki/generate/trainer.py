"""Trainers' pages: for each kit (a session plan in trainer.yml) a page gathering the
agenda with timings, the slides, the handouts, the live quiz and the QTI downloads;
a slide deck per guideline section and per session; a live quiz for the projector.

Slides follow the path a briefing takes through a revision point: the problem,
the measures, the checklist's first track's way, today's rule (of a superseded guideline).
Speaker notes come from the same items: the quoted wording, why it matters, the source.
The deck and quiz pages use a standalone template (theme/overrides/presenter.html) that
shows one frame at a time; without JavaScript, and on paper, every frame is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..data.guideline.model import Dimension, Equivalence, Item, Kind, Section
from ..data.project import Project
from ..data.quiz.model import Bank, Question
from ..data.seminars.storyboard import caption_text
from ..data.trainer.model import Kit
from ..text import oneline
from ..translations import _, first_sentence, gap, inner_quotes, ngettext, pgettext
from . import checklist, quiz
from .paths import item_link, section_path
from .render import join, kind_label, render
from .seminars import INDEX as SEMINARS
from .seminars import session_path

T = TypeVar("T")

DIR = "trainers"
INDEX = f"{DIR}/index.md"
HANDOUT_CHECKLIST = f"{DIR}/handout-checklist.pdf"


def equivalence_label(equivalence: Equivalence) -> str:
    return {
        Equivalence.direct: _("Same aim today"),
        Equivalence.changed: _("Still there, in another form"),
        Equivalence.none: _("No direct rule today"),
    }[equivalence]


def kit_dir(kit: Kit) -> str:
    return f"{DIR}/{kit.id}"


def kit_path(kit: Kit) -> str:
    return f"{kit_dir(kit)}/index.md"


def deck_path(kit: Kit) -> str:
    return f"{kit_dir(kit)}/slides.md"


def live_path(kit: Kit) -> str:
    return f"{kit_dir(kit)}/live.md"


def quiz_sheet_path(kit: Kit) -> str:
    return f"{kit_dir(kit)}/quiz-sheet.pdf"


def answer_key_path(kit: Kit) -> str:
    return f"{kit_dir(kit)}/answer-key.pdf"


def section_deck_path(section: Section) -> str:
    return f"{DIR}/slides/{section.id}.md"


def deck_sections(project: Project) -> list[Section]:
    """The sections with a slide deck: every one, except a timeline (only dated events, nothing
    to brief on) that no kit's agenda shows and whose events the slides need not reach."""
    named = {entry.section for kit in project.trainer.kits for entry in kit.agenda} if project.trainer else set()
    rule = project.guideline.meta.coverage.get(Dimension.slides)
    on_slides = set(rule.kinds) if rule else set()

    def briefed(section: Section) -> bool:
        kinds = {i.kind for i in section.items()}
        return section.id in named or kinds != {Kind.event} or Kind.event in on_slides

    return [s for s in project.guideline.sections if briefed(s)]


def deck_paths(project: Project) -> list[str]:
    """Every slide deck's page: one per section that has one, one per kit (each is also published as a PDF)."""
    if project.trainer is None:
        return []
    return [section_deck_path(s) for s in deck_sections(project)] + [deck_path(k) for k in project.trainer.kits]


@dataclass(frozen=True)
class QrTarget:
    """A page attendees are sent to from paper or the screen, as a QR code."""

    id: str
    label: str
    page: str  # docs path of the target page
    image: str = ""  # docs path of the QR code image (SVG)


def qr_targets(project: Project) -> list[QrTarget]:
    """The QR codes of the handouts and the closing slide: the online checklist and the quizzes."""
    targets = []
    if project.checklist is not None:
        targets.append(QrTarget("checklist", _("Self-check (online)"), checklist.INTERACTIVE))
    if project.quizzes:
        targets.append(QrTarget("quiz", _("Quizzes (online)"), quiz.INDEX))
    return [QrTarget(t.id, t.label, t.page, f"{DIR}/qr/{t.id}.svg") for t in targets]


@dataclass(frozen=True)
class Slide:
    kind: str  # title, agenda, divider, problem, measure, sme, today, quiz, end: a CSS modifier
    title: str
    label: str = ""  # the small heading above the title: 問題点, 対策, 中小企業では…
    lead: str = ""  # one sentence in large type
    points: list[str] = field(default_factory=list)  # bullet points, if any
    notes: list[str] = field(default_factory=list)  # speaker notes, one paragraph each
    items: list[str] = field(default_factory=list)  # guideline items the slide presents (coverage)
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, relative link)
    qr: list[tuple[QrTarget, str]] = field(default_factory=list)  # (target, image link)
    agenda: list[AgendaRow] = field(default_factory=list)
    block: AgendaRow | None = None  # on a block's divider: its planned time, for the presenter view
    path: list[Step] = field(default_factory=list)  # on a section's overview: its steps as cards

    @property
    def density(self) -> str:
        """A CSS modifier for slides with more text: print sizes its type a step smaller.

        On screen presenter.js fits the type to the frame; paper (and WeasyPrint) has no script.
        """
        size = len(self.title) + len(self.lead) + sum(len(p) + 4 for p in self.points) + 16 * len(self.agenda)
        return "denser" if size > 240 else "dense" if size > 130 else ""


@dataclass(frozen=True)
class AgendaRow:
    at: str  # 13:30, or 0:25 from the start
    title: str
    minutes: int
    section: Section | None
    banks: list[Bank]
    note: str | None
    start: int = 0  # minutes from the start of the session
    countdown: int | None = None  # seconds per question of this block's quiz


def agenda_rows(kit: Kit, project: Project) -> list[AgendaRow]:
    sections = {s.id: s for s in project.guideline.sections}
    banks = {b.id: b for b in project.quizzes}
    start = kit.start_time()
    rows, elapsed = [], 0
    for entry in kit.agenda:
        if start is not None:
            at = (dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=elapsed)).strftime("%H:%M")
        else:
            at = f"{elapsed // 60}:{elapsed % 60:02d}"
        rows.append(
            AgendaRow(
                at=at,
                title=entry.title,
                minutes=entry.minutes,
                section=sections[entry.section] if entry.section else None,
                banks=[banks[entry.quiz]] if entry.quiz else [],
                note=entry.note,
                start=elapsed,
                countdown=entry.countdown,
            )
        )
        elapsed += entry.minutes
    return rows


def _source_note(project: Project, item: Item) -> str:
    sources = {s.id: s for s in project.guideline.sources}
    source = sources.get(item.source.document)
    name = source.title if source else item.source.document
    return _("Source: %(document)s, “%(heading)s”", document=name, heading=item.source.heading)


def _item_notes(project: Project, item: Item) -> list[str]:
    notes = [_("Explanation: %(text)s", text=oneline(item.plain))]
    if item.why:
        notes.append(_("Why it matters: %(text)s", text=oneline(item.why)))
    notes.append(_("Original wording: “%(text)s”", text=inner_quotes(oneline(item.text))))
    notes.append(_source_note(project, item))
    return notes


# A slide holds at most this many points: more would need type too small for the back row.
PER_SLIDE = 4


def _chunks(things: list[T], size: int = PER_SLIDE) -> list[list[T]]:
    """Split evenly: 5 points give slides of 3 and 2, not 4 and 1."""
    count = -(-len(things) // size)
    if count <= 1:
        return [things] if things else []
    per = -(-len(things) // count)
    return [things[i : i + per] for i in range(0, len(things), per)]


def _first_sentence(text: str) -> str:
    return first_sentence(oneline(text))


def section_slides(project: Project, section: Section) -> list[Slide]:
    """One section as a briefing: the whole path first (problem → measures → the SME way →
    today's rule, on one slide in the layout every point shares), then each step in a few
    denser slides: the problems together, each group's measures together, the SME ways,
    today's rules. Every item stays on a slide (coverage), with its notes."""
    items = section.items()
    slides = [Slide("title", section.title, label=section.nav_title or "", lead=oneline(section.lead))]
    problems = [i for i in items if i.kind is Kind.problem]
    groups = [(g, [i for i in g.items if i.kind is not Kind.problem]) for g in section.groups]
    groups = [(g, others) for g, others in groups if others]
    entries = _sme_entries(project, items)
    path = _path(project, section, problems, groups, entries)
    if path:
        slides.append(
            Slide(
                "path",
                _("How %(section)s goes", section=section.nav_title or section.title),
                label=_("The whole path"),
                path=path,
            )
        )
    for chunk in _chunks(problems):
        slides.append(_item_slide(project, "problem", _("What the problem was"), chunk))
    for group, others in groups:
        for chunk in _chunks(others):
            slides.append(_item_slide(project, "measure", group.title, chunk))
    slides += _sme_slides(project, entries)
    slides += _today_slides(project, section)
    return slides


def _item_slide(project: Project, kind: str, heading: str, items: list[Item]) -> Slide:
    """One item in large type (its title and one sentence), or several as a list of titles."""
    label = _kind_label(items[0])
    if len(items) == 1:
        item = items[0]
        return Slide(
            kind, item.title, label=label, lead=caption_text(item), notes=_item_notes(project, item), items=[item.id]
        )
    notes = [_("[%(title)s]", title=i.title) + gap().join(_item_notes(project, i)) for i in items]
    return Slide(kind, heading, label=label, points=[i.title for i in items], notes=notes, items=[i.id for i in items])


@dataclass(frozen=True)
class Step:
    """One step of a revision point's path, as a card on the overview slide."""

    kind: str  # problem, measure, sme, today: the icon and colour
    label: str
    lines: list[str]


def _path(
    project: Project,
    section: Section,
    problems: list[Item],
    groups: list[tuple[Any, list[Item]]],
    entries: list[tuple[Any, list[str]]],
) -> list[Step]:
    """The overview: at most three lines a step; a section without problems has no path."""
    if not problems:
        return []
    steps = [Step("problem", _("Problem"), [p.title for p in problems][:3])]
    # The groups of measures (not the law they rest on, which the problems slide leads to).
    measures = [g.title for g, others in groups if any(i.kind is Kind.measure for i in others)]
    steps.append(Step("measure", _("Measure"), (measures or [g.title for g, _others in groups])[:3]))
    if entries and project.checklist is not None:
        steps.append(Step("sme", project.checklist.tracks[0].how_label, [e.title for e, _covered in entries][:3]))
    rules = project.guideline.rule_index()
    ids = list(dict.fromkeys(r for i in section.items() if i.today is not None for r in i.today.rules))
    if ids:
        steps.append(Step("today", _("Today's rules"), [rules[r].label for r in ids][:3]))
    return steps


def _kind_label(item: Item) -> str:
    return kind_label(item.kind.value)


def _sme_entries(project: Project, items: list[Item]) -> list[tuple[Any, list[str]]]:
    """The checklist entries that put these items into practice, with the items they cover."""
    if project.checklist is None:
        return []
    ids = {i.id for i in items}
    found = []
    for entry in project.checklist.entries():
        covered = [i for i in entry.items if i in ids]
        if covered:
            found.append((entry, covered))
    return found


def _sme_slides(project: Project, entries: list[tuple[Any, list[str]]]) -> list[Slide]:
    """The entries in the first track's way, a few to a slide: what to do, and its first sentence.

    profile.yml lists the most specific track first (the 中小規模事業者 way); the
    other tracks' ways go into the notes, so the trainer can answer a larger firm too.
    """
    if project.checklist is None or not entries:
        return []
    tracks = project.checklist.tracks
    first, rest = tracks[0], tracks[1:]
    slides = []
    for chunk in _chunks(entries, 3):
        notes = []
        for entry, _covered in chunk:
            note = [
                _("[%(title)s]", title=entry.title)
                + _("%(title)s: %(text)s", title=first.how_label, text=oneline(entry.how_for(first.id)))
            ]
            note += [_("%(title)s: %(text)s", title=t.how_label, text=oneline(entry.how_for(t.id))) for t in rest]
            note += [
                _("Why: %(text)s", text=oneline(entry.why)),
                _("First step: %(text)s", text=oneline(entry.next)),
            ]
            notes.append(gap().join(note))
        slides.append(
            Slide(
                "sme",
                _("For %(track)s", track=first.label),
                label=first.how_label,
                points=[
                    _("%(title)s: %(text)s", title=entry.title, text=_first_sentence(entry.how_for(first.id)))
                    for entry, _covered in chunk
                ],
                notes=notes,
                items=list(dict.fromkeys(i for _entry, covered in chunk for i in covered)),
            )
        )
    return slides


def _today_slides(project: Project, section: Section) -> list[Slide]:
    """Today's rule for every item of the section, a few items to a slide (none while the guideline is in force)."""
    rules = project.guideline.rule_index()
    mapped = [(i, i.today) for g in section.groups for i in g.items if i.today is not None]
    slides = []
    for chunk in _chunks(mapped, 5):
        slides.append(
            Slide(
                "today",
                _("Today's rules: %(title)s", title=section.nav_title or section.title),
                label=_("Today's rules"),
                points=[
                    _("%(title)s: %(text)s", title=i.title, text=equivalence_label(today.equivalence))
                    + (_(" (%(rules)s)", rules=join(rules[r].label for r in today.rules)) if today.rules else "")
                    for i, today in chunk
                ],
                notes=[_("%(title)s: %(text)s", title=i.title, text=oneline(today.summary)) for i, today in chunk],
                items=[i.id for i, _today in chunk],
            )
        )
    return slides


def kit_slides(project: Project, kit: Kit, to_root: str) -> list[Slide]:
    """A whole session: title, agenda, each block's slides, a quiz cue, and the QR codes to take home."""
    rows = agenda_rows(kit, project)
    slides = [
        Slide("title", kit.title, lead=kit.audience, notes=[oneline(kit.description)]),
        Slide(
            "agenda",
            _("Today's programme"),
            label=_("Programme"),
            agenda=rows,
            notes=[_("%(minutes)s minutes in all.", minutes=kit.minutes())],
        ),
    ]
    for row in rows:
        notes = [row.note] if row.note else []
        slides.append(
            Slide(
                "divider",
                row.title,
                label=_("From %(start)s, %(minutes)s minutes", start=row.at, minutes=row.minutes),
                notes=notes,
                block=row,
            )
        )
        if row.section is not None:
            slides += section_slides(project, row.section)[1:]  # the divider already names the block
        for bank in row.banks:
            slides.append(
                Slide(
                    "quiz",
                    _("Quiz: %(title)s", title=bank.nav_title or bank.title),
                    label=pgettext("slide label", "Quiz"),
                    lead=ngettext(
                        "%(count)s question. Let everyone in the room think about the answer.",
                        "%(count)s questions. Let everyone in the room think about the answers.",
                        len(bank.questions),
                    )
                    % {"count": len(bank.questions)},
                    notes=[_("Switch to the “Live quiz” screen and show one question at a time.")],
                    links=[(_("Open the live quiz"), f"live.md#bank-{bank.id}")],
                )
            )
    targets = qr_targets(project)
    if targets:
        slides.append(
            Slide(
                "end",
                _("Take this home"),
                label=_("Afterwards"),
                lead=_("Scan with a smartphone to go over today's content on the site."),
                qr=[(t, f"{to_root}{t.image}") for t in targets],
                notes=[_("The handouts carry the same QR codes.")],
            )
        )
    return slides


def live_questions(project: Project, kit: Kit) -> list[tuple[Bank, list[Question]]]:
    banks = {b.id: b for b in project.quizzes}
    return [(banks[b], banks[b].questions) for b in kit.banks()]


def countdowns(kit: Kit) -> dict[str, int]:
    """Seconds per question of each bank, where the kit's agenda sets a countdown."""
    return {e.quiz: e.countdown for e in kit.agenda if e.quiz and e.countdown}


def choice_marks() -> str:
    """The marks of a question's choices, in order: ア, イ, ウ… in Japanese; A, B, C… in English."""
    return _("ABCDEFGHIJ")


def pages(project: Project) -> Iterator[tuple[str, str, str] | tuple[str, str, str, bool]]:
    if project.trainer is None:
        return
    origin = f"{project.paths.data.name}/trainer.yml"
    sections = deck_sections(project)
    link = item_link(project.guideline, "../../")
    yield (
        INDEX,
        render(
            "trainers.md.j2",
            trainer=project.trainer,
            kits=[(k, kit_path(k).removeprefix(f"{DIR}/")) for k in project.trainer.kits],
            decks=[(s, section_deck_path(s).removeprefix(f"{DIR}/")) for s in sections],
        ),
        origin,
    )
    for section in sections:
        yield (
            section_deck_path(section),
            render(
                "slides.md.j2",
                title=_("Slides: %(title)s", title=section.title),
                description=_("Slides to show “%(title)s” at a briefing.", title=section.title),
                back=(_("For trainers"), "../index.md"),
                slides=section_slides(project, section),
                section_link=f"../../{section_path(section)}",
                planned_minutes=None,
            ),
            origin,
            False,  # reached from the kit page, not the navigation
        )
    for kit in project.trainer.kits:
        rows = agenda_rows(kit, project)
        yield (
            kit_path(kit),
            render(
                "trainer-kit.md.j2",
                kit=kit,
                rows=rows,
                section_path=lambda s: f"../../{section_path(s)}",
                section_deck=lambda s: f"../{section_deck_path(s).removeprefix(f'{DIR}/')}",
                banks=[b for b, _ in live_questions(project, kit)],
                qti_href=lambda name, version: f"../../{quiz.qti_path(name, version)}",
                versions=quiz.QTI_VERSIONS,
                has_checklist=project.checklist is not None,
                first_way=project.checklist.tracks[0].how_label if project.checklist else None,
                superseded=project.guideline.meta.superseded,
                seminar=_seminar_link(project, kit),
                handouts={
                    "checklist": f"../{HANDOUT_CHECKLIST.removeprefix(f'{DIR}/')}",
                    "quiz_sheet": "quiz-sheet.pdf",
                    "answer_key": "answer-key.pdf",
                },
            ),
            origin,
        )
        yield (
            deck_path(kit),
            render(
                "slides.md.j2",
                title=_("Slides: %(title)s", title=kit.title),
                description=_("The slides shown at “%(title)s” (all of them).", title=kit.title),
                back=(kit.title, "index.md"),
                # Relative to the Markdown source: MkDocs rewrites it for either URL style.
                slides=kit_slides(project, kit, "../../"),
                section_link=None,
                planned_minutes=kit.minutes(),
            ),
            origin,
            False,  # reached from the kit page, not the navigation
        )
        yield (
            live_path(kit),
            render(
                "live-quiz.md.j2",
                kit=kit,
                sets=live_questions(project, kit),
                countdowns=countdowns(kit),
                marks=choice_marks(),
                fill_parts=quiz.fill_parts,
                item_link=link,
            ),
            origin,
            False,  # reached from the kit page, not the navigation
        )


def _seminar_link(project: Project, kit: Kit) -> tuple[str, str] | None:
    """(title, link) of the seminar series or session page the kit is for."""
    if kit.seminar is None:
        return None
    for series in project.seminars.series:
        if series.id == kit.seminar:
            return series.title, f"../../{SEMINARS}#series-{series.id}"
    for _series, session in project.seminars.sessions():
        if session.id == kit.seminar:
            return session.title, f"../../{session_path(session)}"
    return None


def nav(project: Project) -> list[dict[str, str]]:
    """Navigation entries for the `tebiki:trainers` placeholder."""
    if project.trainer is None:
        return []
    return [{_("About the trainer kits"): INDEX}, *({k.title: kit_path(k)} for k in project.trainer.kits)]
