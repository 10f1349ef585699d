"""`tebiki new DIR`: a small site for a new guideline that builds strict and passes coverage
as written. The sample is neutral text in the site's language, one section with every kind
of data tebiki reads, meant to be edited into the real guideline.

The data is written from Python values (one text table per language) so that the two
languages and the two statuses cannot drift apart in shape; every file is YAML that a
maintainer then edits by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from .data.project import schemas

LANGUAGES = ("ja", "en")
STATUSES = ("in-force", "superseded")
SOURCE_FILE = "sample-guideline.txt"
RULES_FILE = "sample-rules.txt"

# The sample's text, per language. Item texts are quoted word for word from the sample
# source (sources/sample-guideline.txt), so the loader's quote check runs on the scaffold too.
TEXT: dict[str, dict[str, str]] = {
    "ja": {
        "site_name": "サンプルガイドラインの手引き",
        "title": "サンプルガイドライン（記入例）",
        "short_title": "サンプルガイドライン",
        "successor": "サンプルの後継ガイドライン",
        "source_title": "サンプルガイドライン本文",
        "publisher": "サンプル団体",
        "licence": "記入例のための架空の文書です。",
        "credit": "出典：サンプル団体「サンプルガイドライン」",
        "rules_title": "サンプルの今の規定",
        "rules_credit": "引用：サンプル団体「サンプルの今の規定」",
        "heading": "第1章 記録の管理",
        "problem_text": "記録を確かめていなかったため、誤りに長い間気付かなかった事例がある。",
        "measure_text": "事業者は、記録を月に一度確かめ、その結果を残すこと。",
        "requirement_text": "事業者は、記録を扱う担当者を決めること。",
        "article_text": "事業者は、記録の管理について責任者を置かなければならない。",
        "rule_quote": "事業者は、記録の管理の状況を定期的に確認しなければならない。",
        "example_quote": "例えば、月に一度、記録の一覧を責任者が見直すことが望ましい。",
        "example_label": "サンプル規定 第1条の例（月に一度の見直し）",
        "rule_label": "サンプル規定 第1条（定期的な確認）",
        "section_title": "記録の管理",
        "section_description": "記録をどう管理するかを、記入例として説明するページです。",
        "section_lead": "このページは tebiki new が作った記入例です。ガイドラインの内容に書き換えてください。",
        "group_title": "記録の確認",
        "problem_title": "記録を確かめていなかった",
        "problem_plain": "記録を見ていないと、間違いが起きても誰も気付けません。",
        "measure_title": "記録を月に一度確かめる",
        "measure_plain": "月に一度、記録に目を通し、確かめた日と結果を書き残します。",
        "requirement_title": "担当者を決める",
        "requirement_plain": "記録を扱う人をはっきり決めておきます。",
        "why": "決めておかないと、誰も確かめないままになるからです。",
        "article_title": "責任者の設置",
        "today_summary": "今の規定でも、記録の管理の状況を定期的に確かめることが求められています。",
        "profile_intro": "いくつかの質問に答えると、あなたの組織に合う一覧を表示します。",
        "q_size": "従業員は何人ですか。",
        "small": "20人以下",
        "small_means": "従業員が20人以下",
        "large": "21人以上",
        "large_means": "従業員が21人以上",
        "small_label": "小規模",
        "small_title": "チェックリスト（小規模の組織向け）",
        "small_nav": "小規模の組織向けの一覧",
        "small_how": "小規模の組織のやり方",
        "small_summary": "従業員が20人以下の組織です。",
        "small_description": "小規模の組織のための、記入例のチェックリストです。",
        "standard_label": "標準",
        "standard_title": "チェックリスト（標準）",
        "standard_nav": "標準の一覧",
        "standard_how": "標準のやり方",
        "standard_summary": "従業員が21人以上の組織です。",
        "standard_description": "標準の、記入例のチェックリストです。",
        "cl_title": "記入例のチェックリスト",
        "cl_nav": "質問に答えて確かめる",
        "cl_description": "記入例のチェックリストです。質問に答えると、組織に合う項目だけが表示されます。",
        "cl_lead": "できているものに印を付けてください。",
        "done": "実施している",
        "partly": "一部だけ実施している",
        "notyet": "まだ実施していない",
        "na": "当てはまらない",
        "good": "良好",
        "good_advice": "よくできています。",
        "poor": "要改善",
        "poor_advice": "必須の項目から始めましょう。",
        "cl_group": "記録の管理",
        "entry_check": "記録を月に一度確かめている",
        "entry_owner": "記録の担当者を決めている",
        "how_small": "代表者が自分で確かめ、手帳に日付を書きます。",
        "how_standard": "担当者が確かめ、確認表に記録します。",
        "how_owner_small": "代表者が担当します。",
        "how_owner_standard": "部署ごとに担当者を決めます。",
        "next_check": "次の月初めに、記録を確かめる日を決めます。",
        "next_owner": "担当者の名前を書き出します。",
        "bank_title": "確認クイズ：記録の管理",
        "bank_description": "記録の管理について、理解を確かめるクイズです。",
        "bank_intro": "記入例の問題です。",
        "question": "記録について、正しいものはどれですか。",
        "right": "月に一度確かめ、結果を残す",
        "right_feedback": "そのとおりです。",
        "wrong": "問題が起きたときだけ確かめる",
        "wrong_feedback": "それでは、誤りに長い間気付けません。",
        "explanation": "記録は定期的に確かめ、その結果を残します。",
        "question_problem": "記録を確かめないと、何が起きますか。",
        "right_problem": "誤りに長い間気付かない",
        "wrong_problem": "何も起きない",
        "trainer_intro": "説明会で使うスライド、配布資料、会場で使うクイズの記入例です。",
        "kit_title": "記録の管理の説明会（30分）",
        "kit_description": "記録の管理を30分で説明する説明会の進行例です。",
        "audience": "記録を扱う担当者",
        "agenda_intro": "記録の管理",
        "agenda_qa": "質疑応答",
        "series_title": "記録の管理の説明会",
        "organiser": "サンプル団体",
        "series_about": "記録の管理について説明する説明会の記入例です。",
        "session_title": "記録の管理の説明会（オンライン）",
        "session_summary": "記録の管理を説明します。日程は記入例です。",
        "home_title": "はじめに",
        "home_description": "サンプルガイドラインを分かりやすく解説する、tebiki で作ったサイトの記入例です。",
        "home_body": "このサイトは `tebiki new` が作った記入例です。"
        "`guideline/` と `quizzes/` のデータを書き換えると、"
        "ページ、チェックリスト、クイズ、説明会の資料が作り直されます。\n\n"
        "まず[記録の管理](guideline/records.md)のページをご覧ください。",
    },
    "en": {
        "site_name": "A guide to the sample guideline",
        "title": "Sample guideline (an example to edit)",
        "short_title": "Sample guideline",
        "successor": "the sample's successor guideline",
        "source_title": "Sample guideline, full text",
        "publisher": "Sample Association",
        "licence": "A made-up document for the example.",
        "credit": "Source: Sample Association, Sample guideline",
        "rules_title": "The sample's current rules",
        "rules_credit": "Quoted from: Sample Association, current rules",
        "heading": "Chapter 1 Keeping records",
        "problem_text": "Records were not checked, so an error went unnoticed for a long time.",
        "measure_text": "The organisation checks its records once a month and keeps the result.",
        "requirement_text": "The organisation names a person responsible for its records.",
        "article_text": "Every organisation shall appoint a person responsible for keeping records.",
        "rule_quote": "Every organisation shall check how its records are kept at regular intervals.",
        "example_quote": "For example, the person in charge should review the list of records once a month.",
        "example_label": "Sample rules, article 1, example (a monthly review)",
        "rule_label": "Sample rules, article 1 (regular checks)",
        "section_title": "Keeping records",
        "section_description": "How records are kept, as an example page to edit.",
        "section_lead": "tebiki new wrote this page as an example. Replace it with your guideline.",
        "group_title": "Checking records",
        "problem_title": "Records were not checked",
        "problem_plain": "If nobody looks at the records, nobody notices a mistake.",
        "measure_title": "Check the records once a month",
        "measure_plain": "Once a month, read through the records and write down the date and what you found.",
        "requirement_title": "Name a person responsible",
        "requirement_plain": "Decide who looks after the records.",
        "why": "If nobody is named, nobody checks.",
        "article_title": "A person responsible",
        "today_summary": "The current rules also ask for regular checks of how records are kept.",
        "profile_intro": "Answer a few questions to see the list that fits your organisation.",
        "q_size": "How many people work for you?",
        "small": "20 or fewer",
        "small_means": "20 people or fewer",
        "large": "21 or more",
        "large_means": "21 people or more",
        "small_label": "Small",
        "small_title": "Checklist for small organisations",
        "small_nav": "List for small organisations",
        "small_how": "How small organisations do it",
        "small_summary": "Organisations of 20 people or fewer.",
        "small_description": "An example checklist for small organisations.",
        "standard_label": "Standard",
        "standard_title": "Checklist (standard)",
        "standard_nav": "Standard list",
        "standard_how": "The standard way",
        "standard_summary": "Organisations of 21 people or more.",
        "standard_description": "An example of the standard checklist.",
        "cl_title": "Example checklist",
        "cl_nav": "Answer questions and check",
        "cl_description": "An example checklist: answer the questions to see only what applies to you.",
        "cl_lead": "Mark what you already do.",
        "done": "We do this",
        "partly": "We do part of this",
        "notyet": "Not yet",
        "na": "Does not apply",
        "good": "Good",
        "good_advice": "Well done.",
        "poor": "To improve",
        "poor_advice": "Start with the required entries.",
        "cl_group": "Keeping records",
        "entry_check": "We check our records once a month",
        "entry_owner": "Someone is responsible for our records",
        "how_small": "The owner checks and notes the date in a diary.",
        "how_standard": "The person responsible checks and fills in a log.",
        "how_owner_small": "The owner is responsible.",
        "how_owner_standard": "Each department names someone.",
        "next_check": "Set a day early next month to check the records.",
        "next_owner": "Write down who is responsible.",
        "bank_title": "Quiz: keeping records",
        "bank_description": "A short quiz to check what you know about keeping records.",
        "bank_intro": "Example questions.",
        "question": "Which of these is right about records?",
        "right": "Check them once a month and keep the result",
        "right_feedback": "That's right.",
        "wrong": "Check them only when something goes wrong",
        "wrong_feedback": "Then errors go unnoticed for a long time.",
        "explanation": "Records are checked regularly and the result is kept.",
        "question_problem": "What happens if records are not checked?",
        "right_problem": "Errors go unnoticed for a long time",
        "wrong_problem": "Nothing",
        "trainer_intro": "Example slides, handouts and a live quiz for a briefing.",
        "kit_title": "Briefing on keeping records (30 minutes)",
        "kit_description": "An example plan for a 30-minute briefing on keeping records.",
        "audience": "Staff who keep records",
        "agenda_intro": "Keeping records",
        "agenda_qa": "Questions and answers",
        "series_title": "Briefings on keeping records",
        "organiser": "Sample Association",
        "series_about": "An example series of briefings on keeping records.",
        "session_title": "Briefing on keeping records (online)",
        "session_summary": "An overview of keeping records. The date is an example.",
        "home_title": "Introduction",
        "home_description": "An example site made with tebiki that explains the sample guideline in plain words.",
        "home_body": "`tebiki new` wrote this site as an example. "
        "Edit the data in `guideline/` and `quizzes/` and the pages, checklist, quizzes and briefing "
        "material are made again.\n\nStart with [Keeping records](guideline/records.md).",
    },
}


class ScaffoldError(Exception):
    pass


@dataclass(frozen=True)
class Options:
    language: str = "ja"
    status: str = "superseded"

    @property
    def superseded(self) -> bool:
        return self.status == "superseded"


def new_site(target: Path, options: Options) -> list[Path]:
    """Write the sample site into `target` (missing or empty); the files written, sorted."""
    if options.language not in LANGUAGES:
        raise ScaffoldError(f"unknown language {options.language!r}; use one of: {', '.join(LANGUAGES)}")
    if options.status not in STATUSES:
        raise ScaffoldError(f"unknown status {options.status!r}; use one of: {', '.join(STATUSES)}")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(
            f"{target} is not an empty folder; tebiki new writes a whole site and overwrites nothing.\n"
            "→ choose a new folder name, or empty this one first."
        )
    files = site_files(options)
    for rel, text in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sorted(target / rel for rel in files)


def site_files(options: Options) -> dict[str, str]:
    """Every file of the sample site: path from the site's folder -> text."""
    t = TEXT[options.language]
    files = {
        "mkdocs.yml": _mkdocs_yml(t, options),
        "docs/index.md": _home(t),
        "guideline/guideline.yml": _data("guideline", _meta(t, options)),
        "guideline/sources.yml": _data("sources", _sources(t, options)),
        f"guideline/sources/{SOURCE_FILE}": _source_text(t),
        "guideline/sections/records.yml": _data("section", _section(t, options)),
        "guideline/profile.yml": _data("profile", _profile(t)),
        "guideline/checklist.yml": _data("checklist", _checklist(t)),
        "guideline/trainer.yml": _data("trainer", _trainer(t)),
        "guideline/seminars.yml": _data("seminars", _seminars(t)),
        "quizzes/records.yml": _data("quiz-bank", _bank(t)),
        "requirements.txt": _requirements(),
        ".github/workflows/pages.yml": WORKFLOW,
        ".gitignore": "site/\nsite.tebiki-*/\n.tebiki/\ncoverage.json\n",
        "README.md": README[options.language],
    }
    # The rules the checklist rests on (today's rules of a superseded guideline; the governing rules
    # of one in force): every checklist entry names its basis among them.
    files["guideline/today.yml"] = _data("today", _rules(t))
    files[f"guideline/sources/{RULES_FILE}"] = (
        t["rules_title"] + "\n\n" + t["rule_quote"] + "\n\n" + t["example_quote"] + "\n"
    )
    files.update(_schemas())
    return files


class _Dumper(yaml.SafeDumper):
    """Writes a list used twice in full each time: an anchor (&id001) and alias (*id001) would tie
    two places a maintainer edits separately."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _data(schema: str, value: Any) -> str:
    header = f"# yaml-language-server: $schema=../schema/{schema}.schema.json\n"
    if schema == "section":
        header = header.replace("../schema/", "../../schema/")
    return header + yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=200)


def leftover_site_name(root: Path) -> str | None:
    """A warning if mkdocs.yml still names the site as the sample does (every page's header and the
    PDF covers show it) while the guideline is no longer the sample; None otherwise."""
    config = root / "mkdocs.yml"
    guideline = root / "guideline" / "guideline.yml"
    if not (config.is_file() and guideline.is_file()):
        return None
    text = config.read_text(encoding="utf-8")
    samples = {t["title"] for t in TEXT.values()}
    for t in TEXT.values():
        if f"site_name: {json.dumps(t['site_name'], ensure_ascii=False)}" in text:
            title = (yaml.safe_load(guideline.read_text(encoding="utf-8")) or {}).get("title")
            if title not in samples:
                return (
                    f"mkdocs.yml: site_name is still the sample's ({t['site_name']!r}), shown in every page's "
                    "header and on the PDF covers\n    → write your site's name there"
                )
    return None


def _schemas() -> dict[str, str]:
    return {
        f"schema/{name}.schema.json": json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, schema in schemas().items()
    }


def _mkdocs_yml(t: dict[str, str], options: Options) -> str:
    return (
        "# The site's name: in every page's header, the browser tab and on the PDF covers.\n"
        f"site_name: {json.dumps(t['site_name'], ensure_ascii=False)}\n"
        "# Where the site is published; the Pages workflow sets TEBIKI_SITE_URL.\n"
        'site_url: !ENV [TEBIKI_SITE_URL, "https://example.org/"]\n'
        "theme:\n"
        "  name: material\n"
        f"  language: {options.language}\n"
        "plugins:\n"
        "  - tebiki\n"
    )


def _home(t: dict[str, str]) -> str:
    return (
        f"---\ntitle: {t['home_title']}\ndescription: {t['home_description']}\n---\n\n"
        f"# {t['site_name']}\n\n{t['home_body']}\n"
    )


def _source_lines(t: dict[str, str]) -> list[str]:
    return [
        t["source_title"],
        "",
        t["heading"],
        t["problem_text"],
        t["measure_text"],
        t["requirement_text"],
        t["article_text"],
    ]


def _source_text(t: dict[str, str]) -> str:
    return "\n".join(_source_lines(t)) + "\n"


def _line(t: dict[str, str], key: str) -> int:
    return _source_lines(t).index(t[key]) + 1


def _meta(t: dict[str, str], options: Options) -> dict[str, Any]:
    kinds = ["problem", "measure", "requirement"]
    data: dict[str, Any] = {
        "title": t["title"],
        "short_title": t["short_title"],
        "status": options.status,
        "language": options.language,
    }
    if options.superseded:
        data |= {
            "abolished": dt.date(2020, 3, 31),
            "successor": t["successor"],
            "successor_url": "https://example.org/successor",
        }
    data["coverage"] = {
        "pamphlet": {"kinds": kinds},
        "checklist": {"kinds": ["measure", "requirement"], "variants": ["small", "standard"]},
        "quiz": {"kinds": ["problem", "measure"]},
        "slides": {"kinds": kinds},
    }
    return data


def _sources(t: dict[str, str], options: Options) -> list[dict[str, str]]:
    sources = [
        {
            "id": "sample",
            "title": t["source_title"],
            "publisher": t["publisher"],
            "file": SOURCE_FILE,
            "licence": t["licence"],
            "credit": t["credit"],
        }
    ]
    sources.append(  # the rules' source: see site_files
        {
            "id": "sample-rules",
            "title": t["rules_title"],
            "publisher": t["publisher"],
            "file": RULES_FILE,
            "licence": t["licence"],
            "credit": t["rules_credit"],
        }
    )
    return sources


def _rules(t: dict[str, str]) -> list[dict[str, str]]:
    # A duty and an example of how to meet it: the checklist's required and recommended entries
    # rest on one each (the deontic check in tebiki.deontic).
    return [
        {"id": "rule-1", "label": t["rule_label"], "quote": t["rule_quote"], "source": "sample-rules"},
        {"id": "rule-2", "label": t["example_label"], "quote": t["example_quote"], "source": "sample-rules"},
    ]


def _item(t: dict[str, str], options: Options, key: str, item_id: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": item_id,
        "kind": key,
        "title": t[f"{key}_title"],
        "text": t[f"{key}_text"],
        "source": {"document": "sample", "line": _line(t, f"{key}_text"), "heading": t["heading"]},
        "plain": t[f"{key}_plain"],
        "why": t["why"],
    }
    if key == "measure":
        item["answers"] = ["REC-PRB-01"]
    if key == "requirement":
        item["article"] = {"number": "1", "title": t["article_title"], "text": t["article_text"]}
    if options.superseded:
        item["today"] = {"equivalence": "direct", "rules": ["rule-1"], "summary": t["today_summary"]}
    return item


def _section(t: dict[str, str], options: Options) -> dict[str, Any]:
    items = [
        _item(t, options, "problem", "REC-PRB-01"),
        _item(t, options, "measure", "REC-MEA-01"),
        _item(t, options, "requirement", "REC-REQ-01"),
    ]
    return {
        "id": "records",
        "order": 1,
        "title": t["section_title"],
        "description": t["section_description"],
        "lead": t["section_lead"],
        "groups": [{"id": "checks", "title": t["group_title"], "items": items}],
    }


def _profile(t: dict[str, str]) -> dict[str, Any]:
    def track(track_id: str) -> dict[str, str]:
        return {
            "id": track_id,
            "label": t[f"{track_id}_label"],
            "title": t[f"{track_id}_title"],
            "nav_title": t[f"{track_id}_nav"],
            "how_label": t[f"{track_id}_how"],
            "summary": t[f"{track_id}_summary"],
            "description": t[f"{track_id}_description"],
        }

    return {
        "intro": t["profile_intro"],
        "questions": [
            {
                "id": "size",
                "text": t["q_size"],
                "options": [
                    {"value": "small", "label": t["small"], "means": t["small_means"]},
                    {"value": "large", "label": t["large"], "means": t["large_means"]},
                ],
            }
        ],
        "tracks": [{**track("small"), "when": {"size": "small"}}, track("standard")],
    }


def _checklist(t: dict[str, str]) -> dict[str, Any]:
    return {
        "title": t["cl_title"],
        "nav_title": t["cl_nav"],
        "description": t["cl_description"],
        "lead": t["cl_lead"],
        "scale": [
            {"value": "done", "label": t["done"], "points": 2},
            {"value": "partly", "label": t["partly"], "points": 1},
            {"value": "notyet", "label": t["notyet"], "points": 0},
            {"value": "na", "label": t["na"], "points": None},
        ],
        "bands": [
            {"id": "good", "label": t["good"], "symbol": "◎", "min_score": 80, "advice": t["good_advice"]},
            {"id": "poor", "label": t["poor"], "symbol": "✕", "min_score": 0, "advice": t["poor_advice"]},
        ],
        "groups": [
            {
                "id": "records",
                "title": t["cl_group"],
                "entries": [
                    {
                        "id": "CL-REC-01",
                        "title": t["entry_check"],
                        "items": ["REC-MEA-01"],
                        "level": "recommended",
                        "basis": ["rule-2"],
                        "how": {"small": t["how_small"], "standard": t["how_standard"]},
                        "why": t["why"],
                        "next": t["next_check"],
                    },
                    {
                        "id": "CL-REC-02",
                        "title": t["entry_owner"],
                        "items": ["REC-REQ-01"],
                        "level": "required",
                        "basis": ["rule-1"],
                        "how": {"small": t["how_owner_small"], "standard": t["how_owner_standard"]},
                        "why": t["why"],
                        "next": t["next_owner"],
                    },
                ],
            }
        ],
    }


def _bank(t: dict[str, str]) -> dict[str, Any]:
    def question(qid: str, items: list[str], prefix: str) -> dict[str, Any]:
        return {
            "id": qid,
            "items": items,
            "type": "single",
            "question": t[f"question{prefix}"],
            "choices": [
                {"text": t[f"right{prefix}"], "correct": True, "feedback": t["right_feedback"]},
                {"text": t[f"wrong{prefix}"], "feedback": t["wrong_feedback"]},
            ],
            "explanation": t["explanation"],
        }

    return {
        "id": "records",
        "order": 1,
        "title": t["bank_title"],
        "description": t["bank_description"],
        "section": "records",
        "intro": t["bank_intro"],
        "questions": [
            question("Q-REC-01", ["REC-MEA-01"], ""),
            question("Q-REC-02", ["REC-PRB-01"], "_problem"),
        ],
    }


def _trainer(t: dict[str, str]) -> dict[str, Any]:
    return {
        "intro": t["trainer_intro"],
        "kits": [
            {
                "id": "records",
                "title": t["kit_title"],
                "description": t["kit_description"],
                "audience": t["audience"],
                "seminar": "records-briefings",
                "agenda": [
                    {"title": t["agenda_intro"], "minutes": 20, "section": "records", "quiz": "records"},
                    {"title": t["agenda_qa"], "minutes": 10},
                ],
            }
        ],
    }


def _seminars(t: dict[str, str]) -> dict[str, Any]:
    return {
        "series": [
            {
                "id": "records-briefings",
                "title": t["series_title"],
                "organisers": [t["organiser"]],
                "about": t["series_about"],
                "items": ["REC-MEA-01"],
                "sessions": [
                    {
                        "id": "records-online",
                        "title": t["session_title"],
                        "format": "online",
                        "status": "planned",
                        "date": dt.date(2030, 6, 1),
                        "registration": "https://example.org/register",
                        "summary": t["session_summary"],
                    }
                ],
            }
        ]
    }


def _requirements() -> str:
    """Where this tebiki came from, so the Pages workflow installs the same one."""
    spec = f"tebiki=={metadata.version('tebiki')}"
    try:
        direct = metadata.distribution("tebiki").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        direct = None
    if direct:
        info = json.loads(direct)
        vcs = info.get("vcs_info")
        if vcs and not info["url"].startswith("file:"):
            spec = f"tebiki @ {vcs['vcs']}+{info['url']}@{vcs.get('commit_id', '')}".rstrip("@")
    return (
        "# What the Pages workflow installs. Point this at the tebiki you use, e.g.\n"
        "#   tebiki @ git+https://github.com/<owner>/tebiki@<tag>\n"
        f"{spec}\n"
    )


WORKFLOW = """\
# Build the site strict with its offline edition, check coverage and publish it to GitHub Pages
# on every push to main.
# In the repository's settings, Pages → Source: GitHub Actions.
name: Publish to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions: {}

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-24.04
    timeout-minutes: 30
    permissions:
      contents: read
      pages: read
    env:
      NO_MKDOCS_2_WARNING: "1"
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: false
      - uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065 # v5.6.0
        with:
          python-version: "3.11"
      - name: Pages address
        id: pages
        uses: actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b # v5.0.0
      - name: Install tebiki (WeasyPrint needs Pango for the PDFs)
        run: |
          sudo apt-get update -qq
          sudo apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk
          python -m pip install -r requirements.txt
      - name: Build and check
        env:
          TEBIKI_SITE_URL: ${{ steps.pages.outputs.base_url }}/
          # The download page links to the offline edition, which `tebiki offline` puts beside it.
          TEBIKI_OFFLINE_PACKAGE: "true"
        run: |
          SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"
          export SOURCE_DATE_EPOCH
          tebiki validate
          mkdocs build --strict
          tebiki offline
          tebiki coverage
      - uses: actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa # v3.0.1
        with:
          path: site

  deploy:
    needs: build
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-24.04
    timeout-minutes: 10
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy
        id: deployment
        uses: actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5
"""

README = {
    "ja": """\
# サンプルガイドラインの手引き（tebiki で作ったサイト）

`tebiki new` が作ったサイトです。ガイドラインをデータ（YAML）として書くと、tebiki が
解説ページ、自己点検、クイズ、説明会の資料、印刷用PDFを作ります。

    pip install -r requirements.txt   # tebiki と MkDocs、Material for MkDocs
    tebiki validate                   # データの確認
    mkdocs serve                      # 編集しながらプレビュー
    mkdocs build --strict             # site/ にサイトを作る
    tebiki coverage                   # すべての項目がサイトに載っているか

- `guideline/`：ガイドラインのデータ（sections/ に章ごとのファイル）
- `quizzes/`：問題集
- `docs/`：手書きのページ（同じパスのページを置くと tebiki の既定のページより優先されます）
- `schema/`：エディター用の JSON Schema（`tebiki schema` で作り直せます）
- `.github/workflows/pages.yml`：main に push すると GitHub Pages に公開します
""",
    "en": """\
# A guide to the sample guideline (a site made with tebiki)

`tebiki new` wrote this site. Write the guideline as data (YAML) and tebiki makes the
explanation pages, the self-check, quizzes, briefing material and a printable PDF.

    pip install -r requirements.txt   # tebiki with MkDocs and Material for MkDocs
    tebiki validate                   # check the data
    mkdocs serve                      # preview while editing
    mkdocs build --strict             # build the site into site/
    tebiki coverage                   # is every item on the site?

- `guideline/`: the guideline's data (one file per section in sections/)
- `quizzes/`: question banks
- `docs/`: hand-written pages (a page at the same path replaces tebiki's default page)
- `schema/`: JSON Schemas for editors (`tebiki schema` writes them again)
- `.github/workflows/pages.yml`: publishes to GitHub Pages on every push to main
""",
}
