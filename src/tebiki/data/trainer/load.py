"""Read trainer.yml beside the guideline and check what it refers to.

The file is optional: without it the site has no trainers' pages. Every
problem is collected with file, line, field and a hint, then reported at once.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import TypeAdapter

from ..collect import Collector, Reporter, adapter
from ..guideline.model import Guideline
from ..problems import DataError
from ..quiz.model import Bank
from ..seminars.load import Seminars
from .model import Kit, TrainerFile

FILE_NAME = "trainer.yml"


def load_trainer(
    data_dir: Path, guideline: Guideline | None, banks: list[Bank] | None, seminars: Seminars | None, root: Path
) -> TrainerFile | None:
    """The kits, or None without trainer.yml. `banks`/`seminars` None: they failed to load, skip those checks."""
    path = data_dir / FILE_NAME
    if not path.exists():
        return None
    c = Collector(root)
    data, lines = c.load(path, adapter(TrainerFile))
    if data is None:
        raise DataError(c.problems)

    r = c.reporter(path, lines)
    seminar_ids = None
    if seminars is not None:
        seminar_ids = [s.id for s in seminars.series] + [s.id for _, s in seminars.sessions()]
    seen: set[str] = set()
    for k, kit in enumerate(data.kits):
        at = r.within("kits", k)
        if kit.id in seen:
            at.at(("id",), f"duplicate kit ID {kit.id!r}", "kit IDs must be unique")
        seen.add(kit.id)
        check_kit_seminar(kit, seminar_ids, at)
        check_kit_agenda(kit, [s.id for s in guideline.sections] if guideline is not None else None, banks, at)
    if c.problems:
        raise DataError(c.problems)
    return data


def check_kit_seminar(kit: Kit, seminar_ids: list[str] | None, r: Reporter) -> None:
    """A kit's seminar is a series or session of seminars.yml (unchecked if that failed to load)."""
    if kit.seminar and seminar_ids is not None and kit.seminar not in seminar_ids:
        r.at(
            ("seminar",),
            f"unknown seminar {kit.seminar!r}",
            "use the ID of a series or session in seminars.yml: " + ", ".join(seminar_ids or ["(none)"]),
        )


def check_kit_agenda(kit: Kit, sections: list[str] | None, banks: list[Bank] | None, r: Reporter) -> None:
    """Each agenda entry names a known section and question bank (unchecked where those failed to load)."""
    for a, entry in enumerate(kit.agenda):
        at = r.within("agenda", a)
        if entry.section and sections is not None and entry.section not in sections:
            at.at(("section",), f"unknown section {entry.section!r}", "use one of: " + ", ".join(sections))
        if entry.quiz and banks is not None and entry.quiz not in [b.id for b in banks]:
            at.at(
                ("quiz",),
                f"unknown question bank {entry.quiz!r}",
                "use the `id` of a bank in quizzes/: " + ", ".join(b.id for b in banks),
            )


def schemas() -> dict[str, dict]:
    """JSON Schema of trainer.yml, for editors."""
    return {"trainer": TypeAdapter(TrainerFile).json_schema()}
