"""Golden tests for the seminar pages, and what they must say, from the seminar fixture project.

Set TEBIKI_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change,
then review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import assert_matches_golden
from tebiki.data.project import Paths, load_project
from tebiki.generate import generate
from tebiki.generate.nav import expand_nav

HERE = Path(__file__).parent
SEMINAR = HERE / "fixtures" / "seminar"
GOLDEN = HERE / "golden" / "seminar"
PATHS = [
    "guideline/one.md",
    "seminars/index.md",
    "seminars/north/index.md",
    "seminars/south/index.md",
    "seminars/clip/index.md",
]


@pytest.fixture(scope="module")
def project():
    return load_project(Paths.under(SEMINAR))


@pytest.fixture(scope="module")
def pages(project):
    return {p.path: p for p in generate(project)}


def test_generated_paths_and_origins(pages) -> None:
    assert sorted(pages) == sorted([*PATHS, "sources.md", "accessibility/results.md", "coverage.md"])
    assert pages["seminars/south/index.md"].origin == "guideline/seminars.yml"


@pytest.mark.parametrize("path", PATHS)
def test_matches_golden(pages, path: str) -> None:
    assert_matches_golden(pages[path].content, GOLDEN / path)


def test_the_list_shows_known_sessions_by_date_then_the_rest_as_undecided(pages) -> None:
    text = pages["seminars/index.md"].content
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    regional = rows[1:4]
    assert regional[0] == "| [南の説明会](south/index.md) | 南市 | 2015年1月10日 | 開催済み・録画あり |"
    assert regional[1] == "| [北の説明会](north/index.md) | 北市 | 2015年1月20日 13:30〜16:00 | 予定 |"
    assert regional[2] == "| 3か所目 | 未定 | 未定 | 予定 |"
    assert "予定された数：3か所（開催地と日程が分かっているもの：2か所）" in text


def test_a_past_session_shows_unrecorded_details_as_unknown(pages) -> None:
    # Once held, a detail nobody recorded is 不明 (unknown), not 未定 (not yet decided).
    assert "会場\n:   不明\n" in pages["seminars/south/index.md"].content
    assert "会場\n:   北会館\n" in pages["seminars/north/index.md"].content


def test_a_planned_session_shows_registration_and_materials(pages) -> None:
    text = pages["seminars/north/index.md"].content
    assert "[申し込みページ（外部サイト）](https://example.invalid/register)" in text
    assert "[配布資料](../../media/handout.txt)" in text
    assert "この説明会の録画は、まだありません。" in text


def test_a_hosted_recording_is_a_facade_that_names_no_provider_source(pages) -> None:
    text = pages["seminars/south/index.md"].content
    facade = re.search(r'<figure class="tebiki-video tebiki-video--facade".*?</figure>', text, re.S).group(0)
    assert 'data-embed="https://www.youtube-nocookie.com/embed/aBcDeFgHiJk?autoplay=1&amp;rel=0"' in facade
    assert 'data-start-suffix="&amp;start={s}"' in facade
    assert '<img class="tebiki-video__poster" src="../../media/south.png"' in facade
    # Nothing in the markup fetches from the provider: no src, srcset or iframe pointing there.
    assert not re.search(r'(?:src|srcset|poster)="https?://', facade) and "<iframe" not in facade
    assert "再生ボタンを押すと、YouTubeのサーバーから動画を読み込みます。" in facade
    assert 'aria-describedby="player-south-hosted-note"' in facade


def test_chapters_are_anchored_marked_and_link_to_their_items(pages) -> None:
    text = pages["seminars/south/index.md"].content
    assert (
        '<li id="chapter-south-hosted-2" data-recording="south-hosted" data-start="45" '
        'data-tebiki-video="T-PRB-01 T-MEA-01" markdown="block">'
    ) in text
    assert (
        "説明している項目：[監視がなかった](../../guideline/one.md#T-PRB-01)、[監視を確かめる](../../guideline/one.md#T-MEA-01)"
        in text
    )


def test_transcripts_come_from_the_captions_by_chapter(pages) -> None:
    hosted = pages["seminars/south/index.md"].content
    assert (
        "#### 0:00 はじめに {: #transcript-south-hosted-1 }\n\n皆さん、こんにちは。今日は安全管理の話です。" in hosted
    )
    assert "#### 0:45 監視の話 {: #transcript-south-hosted-2 }\n\n監視の仕組みを確かめましょう。" in hosted
    generated = pages["seminars/clip/index.md"].content
    assert "［画面：問題点「監視がなかった」］見張りがいませんでした。" in generated


def test_a_self_hosted_video_plays_natively_with_captions(pages) -> None:
    text = pages["seminars/clip/index.md"].content
    assert '<source src="../../media/clip.mp4" type="video/mp4">' in text
    assert '<track kind="captions" srclang="ja" label="日本語" src="../../media/clip.ja.vtt" default>' in text


def test_item_sections_link_to_the_chapters_that_explain_them(pages) -> None:
    text = pages["guideline/one.md"].content
    assert (
        "**解説動画：**[「南の説明会の録画」2. 監視の話（0:45から）]"
        "(../seminars/south/index.md#chapter-south-hosted-2)、"
        "[「監視の確認」1. 監視（0:00から）](../seminars/clip/index.md#chapter-clip-1)"
    ) in text
    assert "**説明会：**[地方説明会](../seminars/index.md#series-regional)" in text


def test_nav_placeholder_lists_the_seminar_pages(project) -> None:
    nav = expand_nav([{"説明会": "tebiki:seminars"}], project)
    assert nav == [
        {
            "説明会": [
                {"一覧": "seminars/index.md"},
                {"北の説明会": "seminars/north/index.md"},
                {"南の説明会": "seminars/south/index.md"},
                {"短い解説": "seminars/clip/index.md"},
            ]
        }
    ]
    without = load_project(Paths(root=SEMINAR, data=SEMINAR.parent / "mini", quizzes=SEMINAR / "quizzes"))
    assert expand_nav([{"説明会": "tebiki:seminars"}], without) == [{"説明会": []}]
