"""Synthetic guidelines of any size, valid in every respect the loader checks.

The benchmark builds these end to end to see how build time and memory grow with
the number of items. Each kind of data has its own function that returns the
files it contributes (path from the project root -> text); `DATA_KINDS` lists
them in the order they are written. Checklist entries and quiz questions are
sized "in proportion" from the `Plan` and refer to items by ID; a new kind of data
adds one more function of the same shape.

Quotes are real quotes: every item's `text`, every article and every rule's
`quote` is written into a synthetic source text at the line the item names, so
the loader's word-for-word checks run (and pass) exactly as on the real data.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ITEMS_PER_SECTION = 50
ITEMS_PER_GROUP = 10
ITEMS_PER_RULE = 10
SEED_FILE = "synthetic-seed.txt"
RULES_FILE = "synthetic-rules.txt"

# One group of ten items: the mix of kinds of a revision point in the real data
# (a requirement, the problems found, the measures answering them, the rest).
GROUP_KINDS = (
    "requirement",
    "problem",
    "problem",
    "measure",
    "measure",
    "measure",
    "event",
    "exception",
    "caution",
    "sme",
)
_TOPICS = (
    "アクセス記録",
    "持ち出し",
    "委託先",
    "再委託",
    "名簿の入手元",
    "従業者教育",
    "端末",
    "保管庫",
    "廃棄",
    "監査",
)


@dataclass(frozen=True)
class Plan:
    """How big the synthetic guideline is; every data kind sizes itself from it."""

    items: int

    @property
    def sections(self) -> int:
        return max(1, -(-self.items // ITEMS_PER_SECTION))

    @property
    def rules(self) -> int:
        return max(1, -(-self.items // ITEMS_PER_RULE))

    def item_ids(self) -> list[str]:
        return [item_id(n) for n in range(self.items)]

    def kind(self, n: int) -> str:
        return GROUP_KINDS[n % len(GROUP_KINDS)]


def item_id(n: int) -> str:
    return f"SYN-{n:05d}"


def rule_id(r: int) -> str:
    return f"syn-rule-{r:04d}"


def section_id(s: int) -> str:
    return f"s{s:04d}"


def item_text(n: int) -> str:
    topic = _TOPICS[n % len(_TOPICS)]
    return f"合成項目{n}番：事業者は、{topic}について必要かつ適切な確認を定期的に行うこと（第{n}項）。"


def article_text(n: int) -> str:
    return f"合成条文{n}号：個人情報取扱事業者は、個人データの安全管理のために必要な措置を講じなければならない。"


def rule_quote(r: int) -> str:
    return f"合成規定{r}：個人情報取扱事業者は、第{r}号に定める措置を講じなければならない。"


def _seed_lines(plan: Plan) -> tuple[list[str], dict[int, int]]:
    """The seed text and, per item, the 1-based line its quote starts on.

    Each quote is broken over two lines with a filler line between items, as in
    the real slides, so that the checks have layout to normalise away.
    """
    lines = ["合成ガイドライン（ベンチマーク用）", ""]
    line_of: dict[int, int] = {}
    for n in range(plan.items):
        text = item_text(n)
        half = len(text) // 2
        lines.append(f"○ 見出し{n}")
        line_of[n] = len(lines) + 1
        lines += [text[:half] + " ", "  " + text[half:]]
        if plan.kind(n) == "requirement":
            lines.append(article_text(n))
        lines.append("")
    return lines, line_of


def meta(plan: Plan) -> dict[str, str]:
    data = {
        "title": f"合成ガイドライン（{plan.items}項目）",
        "short_title": "合成ガイドライン",
        "abolished": "2017-05-30",
        "successor": "合成の後継ルール",
        "successor_url": "https://example.invalid/successor",
        "coverage": {
            "pamphlet": {"kinds": sorted(set(GROUP_KINDS))},
            "checklist": {"kinds": ["measure", "requirement"], "variants": [t["id"] for t in _TRACKS]},
            "quiz": {"kinds": sorted(QUIZ_KINDS)},
        },
    }
    return {"guideline/guideline.yml": _yaml(data)}


def sources(plan: Plan) -> dict[str, str]:
    seed, _ = _seed_lines(plan)
    data = [
        {
            "id": "syn-seed",
            "title": "合成の種資料",
            "publisher": "ベンチマーク",
            "file": SEED_FILE,
            "licence": "ベンチマーク用の合成データ",
            "credit": "出典：合成データ",
        },
        {
            "id": "syn-rules",
            "title": "合成の今の規定",
            "publisher": "ベンチマーク",
            "file": RULES_FILE,
            "licence": "ベンチマーク用の合成データ",
            "credit": "引用：合成データ",
        },
    ]
    rules_text = [line for r in range(plan.rules) for line in (f"（{r}）", rule_quote(r), "")]
    return {
        "guideline/sources.yml": _yaml(data),
        f"guideline/sources/{SEED_FILE}": "\n".join(seed) + "\n",
        f"guideline/sources/{RULES_FILE}": "\n".join(rules_text) + "\n",
    }


def rules(plan: Plan) -> dict[str, str]:
    data = [
        {"id": rule_id(r), "label": f"合成規定 {r}", "quote": rule_quote(r), "source": "syn-rules"}
        for r in range(plan.rules)
    ]
    return {"guideline/today.yml": _yaml(data)}


def _item(plan: Plan, n: int, line: int) -> dict:
    kind = plan.kind(n)
    item: dict = {
        "id": item_id(n),
        "kind": kind,
        "title": f"合成項目{n}の見出し",
        "text": item_text(n),
        "source": {"document": "syn-seed", "line": line, "heading": f"見出し{n}"},
        "plain": f"合成項目{n}を、中小企業の経営者にも分かる言葉で説明した文です。",
        "why": "確かめていなければ、問題が起きても気付けないからです。",
    }
    if kind == "requirement":
        item["article"] = {"number": f"第{n}条", "title": "安全管理措置", "text": article_text(n)}
    if kind == "event":
        item["date"] = "2014-12-12"
    if kind == "measure":
        # Answer the problems of the same group (they sit just above in GROUP_KINDS).
        base = n - n % len(GROUP_KINDS)
        problems = [base + k for k, kind_ in enumerate(GROUP_KINDS) if kind_ == "problem" and base + k < plan.items]
        item["answers"] = [item_id(p) for p in problems]
    first = (n // ITEMS_PER_RULE) % plan.rules
    item["today"] = {
        "equivalence": "changed",
        "rules": sorted({rule_id(first), rule_id((first + 1) % plan.rules)}),
        "summary": f"今のルールでは、合成規定{first}が同じ趣旨を定めています。",
    }
    return item


def sections(plan: Plan) -> dict[str, str]:
    _, line_of = _seed_lines(plan)
    files = {}
    for s in range(plan.sections):
        numbers = [n for n in range(s * ITEMS_PER_SECTION, min(plan.items, (s + 1) * ITEMS_PER_SECTION))]
        groups = [
            {
                "id": f"g{g}",
                "title": f"合成グループ{s}-{g}",
                "items": [_item(plan, n, line_of[n]) for n in numbers[g : g + ITEMS_PER_GROUP]],
            }
            for g in range(0, len(numbers), ITEMS_PER_GROUP)
        ]
        data = {
            "id": section_id(s),
            "order": s,
            "title": f"合成セクション{s}",
            "description": f"合成ガイドラインのセクション{s}です。ベンチマークのための合成データです。",
            "lead": "このページはベンチマークのために合成したデータから作られています。",
            "point": s + 1,
            "groups": groups,
        }
        files[f"guideline/sections/{section_id(s)}.yml"] = _yaml(data)
    return files


_TRACKS: list[dict[str, Any]] = [
    {
        "id": "sme",
        "label": "中小規模事業者",
        "title": "合成チェックリスト（中小規模事業者向け）",
        "nav_title": "中小規模事業者向けの一覧",
        "how_label": "中小規模事業者のやり方",
        "summary": "従業員が100人以下の会社です。",
        "description": "ベンチマークのために合成した、中小規模事業者向けの一覧です。",
        "when": {"employees": "upto100"},
    },
    {
        "id": "standard",
        "label": "標準",
        "title": "合成チェックリスト（標準）",
        "nav_title": "標準の一覧",
        "how_label": "標準のやり方",
        "summary": "従業員が101人以上の会社です。",
        "description": "ベンチマークのために合成した、標準の一覧です。",
    },
]


def _entries(plan: Plan, base: int) -> list[dict]:
    """The entries of one group of items: one per measure and requirement, and one
    more that only some businesses see (about 0.5 entries per item, as in the real data)."""
    numbers = [n for n in range(base, min(plan.items, base + len(GROUP_KINDS)))]
    covered = [n for n in numbers if plan.kind(n) in ("measure", "requirement")]
    entries = []
    for k, n in enumerate(covered):
        entries.append(
            {
                "id": f"CL-{n:05d}",
                "title": f"合成項目{n}を実施する",
                "items": [item_id(n)],
                "level": "required" if plan.kind(n) == "requirement" else "recommended",
                "basis": [rule_id((n // ITEMS_PER_RULE) % plan.rules)],
                "how": {
                    "sme": f"合成項目{n}を、できる範囲で実施します。",
                    "standard": f"合成項目{n}を、手順を決めて実施します。",
                },
                "why": "実施していなければ、問題が起きても気付けないからです。",
                "next": f"合成項目{n}の担当者を決めます。",
            }
        )
        if k == 0:
            entries.append({**entries[-1], "id": f"CL-{n:05d}-E", "applies_if": {"entrusts": "yes"}})
    return entries


def checklist(plan: Plan) -> dict[str, str]:
    """The profile questions and the self-check list, entries in proportion to items."""
    profile = {
        "intro": "合成の質問です。答えに合わせて一覧を表示します。",
        "questions": [
            {
                "id": "employees",
                "text": "従業員は何人ですか。",
                "options": [
                    {"value": "upto100", "label": "100人以下", "means": "従業員が100人以下"},
                    {"value": "over100", "label": "101人以上", "means": "従業員が101人以上"},
                ],
            },
            {
                "id": "entrusts",
                "text": "個人データを扱う仕事を、ほかの会社に任せていますか。",
                "options": [
                    {"value": "yes", "label": "はい", "means": "任せている"},
                    {"value": "no", "label": "いいえ", "means": "任せていない"},
                ],
            },
        ],
        "tracks": _TRACKS,
    }
    groups = []
    for s in range(plan.sections):
        entries = [
            e
            for base in range(s * ITEMS_PER_SECTION, min(plan.items, (s + 1) * ITEMS_PER_SECTION), len(GROUP_KINDS))
            for e in _entries(plan, base)
        ]
        if entries:
            groups.append({"id": f"c{s}", "title": f"合成チェック{s}", "entries": entries})
    spec = {
        "title": "合成チェックリスト",
        "nav_title": "質問に答えて確かめる",
        "description": "ベンチマークのために合成したチェックリストです。",
        "lead": "ベンチマークのために合成したチェックリストです。",
        "scale": [
            {"value": "done", "label": "実施している", "points": 2},
            {"value": "partly", "label": "一部だけ実施している", "points": 1},
            {"value": "notyet", "label": "まだ実施していない", "points": 0},
            {"value": "na", "label": "当てはまらない", "points": None},
        ],
        "bands": [
            {"id": "good", "label": "良好", "symbol": "◎", "min_score": 90, "advice": "よくできています。"},
            {"id": "poor", "label": "要改善", "symbol": "✕", "min_score": 0, "advice": "必須の項目から始めましょう。"},
        ],
        "groups": groups,
    }
    return {"guideline/profile.yml": _yaml(profile), "guideline/checklist.yml": _yaml(spec)}


# The kinds a reader must act on, as in the real coverage rules: each needs a question.
QUIZ_KINDS = {"requirement", "problem", "measure", "exception", "caution", "sme"}
ITEMS_PER_QUESTION = 2


def quizzes(plan: Plan) -> dict[str, str]:
    """One question bank per section, a question per two items (about the real ratio)."""
    files = {}
    for s in range(plan.sections):
        numbers = [
            n
            for n in range(s * ITEMS_PER_SECTION, min(plan.items, (s + 1) * ITEMS_PER_SECTION))
            if plan.kind(n) in QUIZ_KINDS
        ]
        questions = []
        for k in range(0, len(numbers), ITEMS_PER_QUESTION):
            covered = numbers[k : k + ITEMS_PER_QUESTION]
            questions.append(
                {
                    "id": f"Q-{covered[0]:05d}",
                    "items": [item_id(n) for n in covered],
                    "type": "single",
                    "question": f"合成項目{covered[0]}について、正しいものはどれですか。",
                    "choices": [
                        {"text": "定期的に確かめる", "correct": True, "feedback": "そのとおりです。"},
                        {"text": "一度決めたら確かめない", "feedback": "確かめなければ、問題に気付けません。"},
                    ],
                    "explanation": "ベンチマークのために合成した問題です。",
                }
            )
        bank = {
            "id": section_id(s),
            "order": s,
            "title": f"確認クイズ：合成セクション{s}",
            "description": f"合成セクション{s}の確認クイズです。ベンチマークのための合成データです。",
            "section": section_id(s),
            "intro": "ベンチマークのために合成した問題です。",
            "questions": questions,
        }
        files[f"quizzes/{section_id(s)}.yml"] = _yaml(bank)
    return files


# One function per kind of data, each sized from the plan, returning the files it
# adds (path from the project root -> text). Seminars are not generated: their
# recordings are media files, not data that grows with items.
DATA_KINDS: tuple[Callable[[Plan], dict[str, str]], ...] = (meta, sources, rules, sections, checklist, quizzes)


def write_data(root: Path, plan: Plan) -> None:
    """Write every data file of a synthetic guideline of `plan.items` items under `root`."""
    for kind in DATA_KINDS:
        for rel, text in kind(plan).items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


HOME = """\
---
title: はじめに
description: 合成したガイドラインで tebiki のビルド時間を測るためのサイトです。ページの内容に意味はありません。
---

# 合成ガイドライン

このサイトはベンチマークのために合成したデータから作られています。
最初のページは[合成セクション0](guideline/{first}.md)です。
"""


def write_project(root: Path, plan: Plan, template: Path) -> Path:
    """A buildable project: the real mkdocs.yml and docs/, synthetic data.

    The home page is replaced because the real one links to the real sections.
    """
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(template / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("docs",):
        if (template / name).is_dir():
            shutil.copytree(template / name, root / name, dirs_exist_ok=True)
    (root / "docs" / "index.md").write_text(HOME.format(first=section_id(0)), encoding="utf-8")
    write_data(root, plan)
    return root


def _yaml(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)
