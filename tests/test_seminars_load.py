"""Seminars and recordings as data: what loads, and every kind of bad data with file, line and hint."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from support import ROOT, edit
from tebiki.data.problems import DataError, Problem
from tebiki.data.project import Paths, load_project
from tebiki.data.seminars.load import load_seminars
from tebiki.data.seminars.model import Recording, to_seconds

SEMINAR = Path(__file__).parent / "fixtures" / "seminar"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of the seminar fixture (symlinks resolved), free to break."""
    dest = tmp_path / "project"
    shutil.copytree(SEMINAR, dest, symlinks=False)
    return dest


def load(root: Path):
    return load_project(Paths.under(root))


def problems(root: Path) -> list[Problem]:
    with pytest.raises(DataError) as exc:
        load(root)
    return exc.value.problems


def seminars_yml(root: Path) -> Path:
    return root / "guideline" / "seminars.yml"


def test_the_fixture_loads_with_captions_parsed_and_chapters_indexed() -> None:
    seminars = load(SEMINAR).seminars
    assert [s.id for s in seminars.series] == ["regional", "videos"]
    recordings = {rec.id: rec for _, rec in seminars.recordings()}
    assert recordings["south-hosted"].duration == 90  # `1:30` unquoted is base-60 in YAML 1.1
    assert recordings["south-hosted"].chapters[1].start == 45
    cues = seminars.captions["south-hosted"].cues
    assert [c.text for c in cues] == [
        "皆さん、こんにちは。",
        "今日は安全管理の話です。",
        "監視の仕組みを 確かめましょう。",
    ]
    by_item = seminars.chapters_by_item()
    assert [(r.recording.id, r.number, r.start) for r in by_item["T-MEA-01"]] == [
        ("south-hosted", 2, 45),
        ("clip", 1, 0),
    ]
    assert [s.id for s in seminars.series_by_item()["T-ART"]] == ["regional"]


def test_a_project_without_seminars_yml_has_no_seminars(tmp_path: Path) -> None:
    shutil.copytree(SEMINAR / "guideline", tmp_path / "guideline", symlinks=False)
    (tmp_path / "guideline" / "seminars.yml").unlink()
    assert not load(tmp_path).seminars.series


def test_a_recording_without_captions_is_an_error(project: Path) -> None:
    edit(seminars_yml(project), "            captions: [{file: media/south.ja.vtt}]\n", "")
    (p,) = problems(project)
    assert p.file == "guideline/seminars.yml"
    assert p.field == "series[0].sessions[1].recordings[0].captions"
    assert p.line == 26  # the recording's first line: where the field belongs
    assert "add this field" in p.hint


def test_an_empty_caption_list_is_an_error(project: Path) -> None:
    edit(seminars_yml(project), "captions: [{file: media/south.ja.vtt}]", "captions: []")
    (p,) = problems(project)
    assert p.field.endswith("recordings[0].captions") and "at least" in p.message


def test_captions_must_be_webvtt_files(project: Path) -> None:
    edit(seminars_yml(project), "captions: [{file: media/south.ja.vtt}]", "captions: [{file: media/south.srt}]")
    (p,) = problems(project)
    assert "WebVTT" in p.message


def test_a_missing_caption_file_names_where_to_put_it(project: Path) -> None:
    (project / "docs" / "media" / "south.ja.vtt").unlink()
    (p,) = problems(project)
    assert p.field == "series[0].sessions[1].recordings[0].captions[0].file"
    assert "not found under docs/" in p.message and "docs/media/south.ja.vtt" in p.hint


def test_a_caption_file_without_the_webvtt_header_is_reported_in_that_file(project: Path) -> None:
    vtt = project / "docs" / "media" / "south.ja.vtt"
    vtt.write_text(vtt.read_text(encoding="utf-8").replace("WEBVTT", "SUBTITLES", 1), encoding="utf-8")
    (p,) = problems(project)
    assert (p.file, p.line) == ("docs/media/south.ja.vtt", 1) and "WEBVTT" in p.message


def test_a_bad_cue_time_is_reported_with_its_line(project: Path) -> None:
    edit(project / "docs" / "media" / "south.ja.vtt", "00:45.000 --> 00:52.000", "00:45 --> 00:52")
    (p,) = problems(project)
    assert (p.file, p.line) == ("docs/media/south.ja.vtt", 12) and "HH:MM:SS.mmm" in p.message


def test_a_cue_after_the_end_of_the_recording_is_an_error(project: Path) -> None:
    edit(project / "docs" / "media" / "south.ja.vtt", "00:45.000 --> 00:52.000", "01:45.000 --> 01:52.000")
    (p,) = problems(project)
    assert p.line == 12 and "after the recording's duration" in p.message


def test_unknown_item_ids_in_chapters_and_series_are_all_reported(project: Path) -> None:
    edit(seminars_yml(project), "items: [T-PRB-01, T-MEA-01]}", "items: [T-PRB-01, T-NOPE-01]}")
    edit(seminars_yml(project), "items: [T-ART]\n    planned", "items: [T-GONE]\n    planned")
    found = {(p.field, p.line, p.message) for p in problems(project)}
    assert found == {
        ("series[0].sessions[1].recordings[0].chapters[1].items[1]", 35, "unknown item 'T-NOPE-01'"),
        ("series[0].items[0]", 7, "unknown item 'T-GONE'"),
    }


def test_chapters_must_be_in_order_and_within_the_recording(project: Path) -> None:
    edit(seminars_yml(project), '{start: "0:45", title: 監視の話', '{start: "0:00", title: 監視の話')
    edit(seminars_yml(project), "{start: 6, title: 条文", "{start: 20, title: 条文")
    found = {p.field: p.message for p in problems(project)}
    assert "in order" in found["series[0].sessions[1].recordings[0].chapters[1].start"]
    assert "after the recording ends" in found["series[1].sessions[0].recordings[0].chapters[1].start"]


def test_a_bad_time_says_how_to_write_it(project: Path) -> None:
    edit(seminars_yml(project), '{start: "0:45"', '{start: "0:75"')
    (p,) = problems(project)
    assert p.field.endswith("chapters[1].start") and "M:SS" in p.message


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("video_id: aBcDeFgHiJk", "video_id: short", "11 characters"),
        ("provider: youtube", "provider: vimeo", "a number"),
        ("provider: youtube", "provider: file", "needs `file`"),
        ("provider: youtube", "provider: dailymotion", "youtube"),
        ("file: media/clip.mp4", "file: media/clip.avi", ".mp4 or .webm"),
    ],
)
def test_provider_and_source_must_match(project: Path, old: str, new: str, message: str) -> None:
    edit(seminars_yml(project), old, new)
    found = problems(project)
    assert any(message in p.message for p in found), found


def test_a_hosted_recording_needs_a_self_hosted_poster(project: Path) -> None:
    edit(seminars_yml(project), "            poster: media/south.png\n", "")
    (p,) = problems(project)
    assert p.field == "series[0].sessions[1].recordings[0].poster"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "status: recorded\n        city: 南市",
            "status: held\n        city: 南市",
            "exactly when its status is `recorded`",
        ),
        ("status: planned", "status: recorded", "exactly when its status is `recorded`"),
        ("status: planned", "status: held", "only for planned sessions"),
        ("format: online", "format: online\n        city: どこか", "no `city`"),
        ("planned: 3", "planned: 1", "2 sessions listed"),
    ],
)
def test_session_facts_must_agree(project: Path, old: str, new: str, message: str) -> None:
    edit(seminars_yml(project), old, new)
    found = problems(project)
    assert any(message in p.message for p in found), found


def test_unknown_fields_and_duplicate_ids_are_rejected(project: Path) -> None:
    edit(seminars_yml(project), "        venue: 北会館\n", "        venue: 北会館\n        vanue: typo\n")
    edit(
        seminars_yml(project), "      - id: clip\n        title: 短い解説", "      - id: north\n        title: 短い解説"
    )
    found = problems(project)
    by_field = {p.field: p for p in found}
    assert "unknown fields" in by_field["series[0].sessions[0].vanue"].hint
    # The unknown field stops that file's cross-checks; fix it and the duplicate shows.
    edit(seminars_yml(project), "        vanue: typo\n", "")
    (p,) = problems(project)
    assert p.message == "duplicate session ID 'north'" and "guideline/seminars.yml:10" in p.hint


def test_a_missing_material_file_is_reported(project: Path) -> None:
    (project / "docs" / "media" / "handout.txt").unlink()
    (p,) = problems(project)
    assert p.field == "series[0].sessions[0].materials[0].file"


def test_a_generated_video_made_from_older_data_is_a_warning_not_an_error(project: Path) -> None:
    # Editing an item's first sentence must not stop the build over a video nobody edited.
    edit(
        project / "guideline" / "sections" / "one.yml",
        "plain: 見張りがいませんでした。",
        "plain: 見張る人がいませんでした。",
    )
    loaded = load_project(Paths.under(project))
    (stale,) = loaded.seminars.stale.values()
    assert stale.field == "series[1].sessions[0].recordings[0].generated"
    assert "older data" in stale.message and "make video" in stale.hint and "generated: true" in stale.hint
    assert stale in loaded.warnings  # `tebiki validate` prints it as a warning


def test_a_stale_video_whose_new_text_no_longer_fits_says_so_when_remade(project: Path) -> None:
    long = "見張る人がいなかったので、" * 8
    edit(project / "guideline" / "sections" / "one.yml", "plain: 見張りがいませんでした。", f"plain: {long}。")
    (stale,) = load_project(Paths.under(project)).seminars.stale.values()
    assert "before that, chapter #1" in stale.hint and "characters of captions" in stale.hint


def test_a_chapter_too_short_for_its_captions_is_an_error_when_the_video_is_remade(project: Path) -> None:
    edit(seminars_yml(project), "{start: 6, title: 条文", "{start: 2, title: 条文")
    # The video on the site was made before: the build shows it as stale and says what remaking needs.
    (stale,) = load(project).seminars.stale.values()
    assert "28 characters of captions in 2 s" in stale.hint and "at least 5 s" in stale.hint
    # `make video` loads without checking the old files, and stops there.
    with pytest.raises(DataError) as exc:
        load_seminars(project / "guideline", project / "docs", load(project).guideline, project, check_generated=False)
    (p,) = exc.value.problems
    assert p.field == "series[1].sessions[0].recordings[0].chapters[0].start"
    assert "28 characters of captions in 2 s" in p.message and "at least 5 s" in p.hint


@pytest.mark.parametrize(("value", "seconds"), [(95, 95), ("1:35", 95), ("0:01:35", 95), ("1:02:03", 3723)])
def test_times_are_read_as_people_write_them(value: int | str, seconds: int) -> None:
    assert to_seconds(value) == seconds


def test_embed_urls_use_the_privacy_enhanced_players() -> None:
    common = {"title": "t", "poster": "p.png", "duration": 60, "captions": [{"file": "c.vtt"}]}
    youtube = Recording(id="y", provider="youtube", video_id="aBcDeFgHiJk", **common)
    vimeo = Recording(id="v", provider="vimeo", video_id="123456", **common)
    assert youtube.embed_url() == "https://www.youtube-nocookie.com/embed/aBcDeFgHiJk?autoplay=1&rel=0"
    assert youtube.embed_url(45) == "https://www.youtube-nocookie.com/embed/aBcDeFgHiJk?autoplay=1&rel=0&start=45"
    assert vimeo.embed_url(45) == "https://player.vimeo.com/video/123456?dnt=1&autoplay=1#t=45s"


def test_the_json_schema_checks_seminars_yml_as_an_editor_would() -> None:
    import jsonschema

    schema = json.loads((ROOT / "schema" / "seminars.schema.json").read_text(encoding="utf-8"))
    for path in (ROOT / "guideline" / "seminars.yml", SEMINAR / "guideline" / "seminars.yml"):
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        jsonschema.validate(data, schema)
    bad = yaml.safe_load((ROOT / "guideline" / "seminars.yml").read_text(encoding="utf-8"))
    bad["series"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError, match="colour"):
        jsonschema.validate(bad, schema)
