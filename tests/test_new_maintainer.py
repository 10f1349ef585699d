"""What a new maintainer meets first when editing a `tebiki new` site: the messages of
`tebiki validate` for typical mistakes (no build needed). The command's main() runs in the
test's process (support.tebiki_in_process); the last test runs it as a maintainer does."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from support import edit, tebiki, tebiki_in_process
from tebiki import translations
from tebiki.publish import offline


def new(tmp_path: Path, language: str = "en") -> Path:
    site = tmp_path / "mysite"
    result = tebiki_in_process("new", str(site), "--language", language, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return site


def test_validate_does_not_say_ok_when_the_build_would_fail_coverage(tmp_path: Path) -> None:
    site = new(tmp_path)
    bank = site / "quizzes" / "records.yml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text[: text.index("- id: Q-REC-02")], encoding="utf-8")  # REC-PRB-01 loses its question
    result = tebiki_in_process("validate", cwd=site)
    assert result.returncode != 0
    assert not result.stdout.startswith("OK"), result.stdout
    assert "REC-PRB-01 (problem) is on no quiz page" in result.stderr


def test_a_text_cut_at_an_unquoted_comma_is_named_as_such(tmp_path: Path) -> None:
    site = new(tmp_path)
    edit(
        site / "quizzes" / "records.yml",
        "  - text: Nothing\n    feedback: Then errors go unnoticed for a long time.\n",
        "  - {text: Nothing, not even a mistake, feedback: No.}\n",
    )
    result = tebiki_in_process("validate", cwd=site)
    assert result.returncode == 2
    assert "not even a mistake" in result.stderr
    assert "cut off at a comma or colon: put the whole text in quotes" in result.stderr


def test_a_duty_worded_otherwise_is_explained_and_can_be_declared(tmp_path: Path) -> None:
    # Japanese rules often state a duty as 「…とする」; the built-in markers do not know it. The
    # message names the markers it looked for and the guideline.yml key that adds one.
    site = new(tmp_path, "ja")
    old, duty = "確認しなければならない。", "確認するものとする。"
    edit(site / "guideline" / "today.yml", old, duty)
    edit(site / "guideline" / "sources" / "sample-rules.txt", old, duty)
    result = tebiki_in_process("validate", cwd=site)
    assert result.returncode == 2
    assert "CL-REC-02 is required (必須) but no rule in `basis` quotes a rule sentence" in result.stderr
    assert "なければならない" in result.stderr and "guideline.yml `deontic:`" in result.stderr
    edit(
        site / "guideline" / "guideline.yml",
        "coverage:\n",
        "deontic:\n  required: [なければならない, ものとする]\n  recommended: [望ましい]\ncoverage:\n",
    )
    result = tebiki_in_process("validate", cwd=site)
    assert result.returncode == 0, result.stderr


def test_the_sample_data_is_plain_yaml_to_edit(tmp_path: Path) -> None:
    site = tmp_path / "mysite"
    assert (
        tebiki_in_process("new", str(site), "--language", "en", "--status", "superseded", cwd=tmp_path).returncode == 0
    )
    for path in [*(site / "guideline").rglob("*.yml"), *(site / "quizzes").glob("*.yml")]:
        text = path.read_text(encoding="utf-8")
        assert "&id0" not in text and "*id0" not in text, path  # no anchors tying two lists together
    meta = (site / "guideline" / "guideline.yml").read_text(encoding="utf-8")
    assert "\nabolished: 2020-03-31\n" in meta  # a date as a maintainer writes one, not a quoted string


def test_validate_warns_when_the_site_keeps_the_samples_name(tmp_path: Path) -> None:
    site = new(tmp_path)
    assert "site_name" not in tebiki_in_process("validate", cwd=site).stderr  # the untouched sample is consistent
    edit(site / "guideline" / "guideline.yml", "title: Sample guideline (an example to edit)", "title: Our guideline")
    result = tebiki_in_process("validate", cwd=site)
    assert result.returncode == 0
    assert "warning: mkdocs.yml: site_name is still the sample's ('A guide to the sample guideline')" in result.stderr
    edit(site / "mkdocs.yml", 'site_name: "A guide to the sample guideline"', "site_name: Our guide")
    assert "site_name" not in tebiki_in_process("validate", cwd=site).stderr


def test_a_quote_from_elsewhere_is_not_diffed_against_an_unrelated_line(tmp_path: Path) -> None:
    site = new(tmp_path)
    section = site / "guideline" / "sections" / "records.yml"
    article = "Every organisation shall appoint a person responsible for keeping records."
    edit(section, article, "A charity shall report any loss of personal data without delay.")
    edit(section, "once a month and keeps the result.", "once a month and keep the result.")  # a typo
    result = tebiki_in_process("validate", cwd=site)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    (elsewhere,) = [line for line in lines if "article › text" in line]
    assert "no passage of the source is close to it" in elsewhere and "the quote has" not in elsewhere
    (typo,) = [line for line in lines if "items #2 › text" in line]
    assert "the quote has “keep” where the source has “keeps”" in typo and "「" not in typo


def test_a_missing_data_file_is_explained_without_the_repositorys_readme(tmp_path: Path) -> None:
    site = new(tmp_path)
    (site / "guideline" / "sources.yml").unlink()
    result = tebiki_in_process("validate", cwd=site)
    assert result.returncode == 2
    assert "guideline/sources.yml: file is missing" in result.stderr
    assert "tebiki new" in result.stderr and "README" not in result.stderr


def offline_readme(tmp_path: Path, language: str, site_name: str, site_url: str | None) -> str:
    """The README.txt `tebiki offline` puts in the package of a one-page site."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    with translations.using(language):
        out = offline.write_zip(
            site, tmp_path / "offline.zip", site_name=site_name, site_url=site_url, issued=dt.date(2026, 4, 1)
        )
    with zipfile.ZipFile(out) as zf:
        return zf.read(f"{offline.FOLDER}/README.txt").decode("utf-8-sig")


def test_the_offline_readme_is_plain_text(tmp_path: Path) -> None:
    # README.txt is read in a text editor: a site name or address with ' or & stays as written.
    readme = offline_readme(tmp_path, "en", "Supporters' data & you", "https://example.org/?a=1&b=2")
    title, rule = readme.splitlines()[:2]
    assert title == "Supporters' data & you: offline edition"
    assert rule == "=" * len(title)  # the heading's underline is as long as the heading
    assert "https://example.org/?a=1&b=2" in readme and "&#39;" not in readme and "&amp;" not in readme


def test_the_offline_readmes_headings_are_underlined_to_their_width_in_japanese_too(tmp_path: Path) -> None:
    """Wide characters take two columns in a text editor's monospaced font."""
    lines = offline_readme(tmp_path, "ja", "手引きAB", None).splitlines()
    width = sum(1 if c.isascii() else 2 for c in lines[0])
    assert lines[0].startswith("手引きAB") and lines[1] == "=" * width
    heading = next(i for i, line in enumerate(lines) if i > 1 and line and set(lines[i + 1]) == {"-"})
    assert len(lines[heading + 1]) == sum(1 if c.isascii() else 2 for c in lines[heading])


def test_tebiki_outside_a_site_says_where_to_run_it(tmp_path: Path) -> None:
    result = tebiki("validate", cwd=tmp_path)
    assert result.returncode == 2
    problems = [line for line in result.stderr.splitlines() if not line.startswith(("    →", "1 problem"))]
    assert problems == [f"guideline: there is no guideline data folder in {tmp_path.resolve()}"], result.stderr
    assert "tebiki new DIR" in result.stderr
