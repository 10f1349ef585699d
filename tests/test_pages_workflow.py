"""The GitHub Pages workflows (this repository's and the one `tebiki new` writes) are checked
here, since no test can run them on GitHub: GitHub's workflow schema, actions pinned by commit,
and every make target and TEBIKI_* setting they use existing in the project."""

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from support import pdf_cache
from tebiki import scaffold

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / ".github" / "workflows" / "pages.yml"
# check-jsonschema carries a copy of GitHub's workflow schema (SchemaStore), so this runs offline.
CHECK = [str(Path(sys.executable).with_name("check-jsonschema")), "--builtin-schema", "vendor.github-workflows"]


@pytest.fixture(params=["shipped", "new-site"])
def workflow(request, tmp_path) -> Path:
    if request.param == "shipped":
        return SHIPPED
    path = tmp_path / "pages.yml"
    path.write_text(scaffold.WORKFLOW, encoding="utf-8")
    return path


def schema_errors(path: Path) -> str:
    run = subprocess.run([*CHECK, str(path)], capture_output=True, text=True, check=False)
    return "" if run.returncode == 0 else run.stdout + run.stderr


def test_the_workflow_is_one_github_accepts(workflow, tmp_path):
    assert schema_errors(workflow) == ""
    # The schema does catch a mistyped key, so the pass above means something.
    broken = tmp_path / "broken.yml"
    broken.write_text(workflow.read_text(encoding="utf-8").replace("runs-on:", "run-on:", 1), encoding="utf-8")
    assert "run-on" in schema_errors(broken)


def test_every_action_is_pinned_by_commit(workflow):
    uses = re.findall(r"uses:\s*(\S+)", workflow.read_text(encoding="utf-8"))
    assert uses
    assert [u for u in uses if not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", u)] == []


def test_every_setting_the_workflow_passes_is_read_by_the_project(workflow):
    names = set(re.findall(r"\b(TEBIKI_[A-Z_]+)", workflow.read_text(encoding="utf-8")))
    assert names
    # A name counts as read where the code or a mkdocs.yml (scaffold.py writes a new site's)
    # looks it up, not where a workflow or a comment mentions it.
    readers = [ROOT / "mkdocs.yml", *(ROOT / "src" / "tebiki").rglob("*.py")]
    read = "\n".join(p.read_text(encoding="utf-8") for p in readers)
    lookups = set(re.findall(r"(?:environ(?:\.get)?\(?\[?\s*|!ENV \[?)[\"']?(TEBIKI_[A-Z_]+)", read))
    assert names - lookups == set()


def test_every_make_target_the_shipped_workflow_runs_exists():
    targets = re.findall(r"\bmake (\w+)", SHIPPED.read_text(encoding="utf-8"))
    assert targets
    for target in targets:
        dry = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True, check=False)
        assert dry.returncode == 0, f"make {target}: {dry.stderr}"


def test_a_new_sites_workflow_build_run_here_publishes_the_offline_edition_its_download_page_offers(
    new_site, tmp_path: Path
) -> None:
    """The build step of the workflow `tebiki new` writes, run as GitHub runs it (bash -e), on a
    committed copy of the new site: the download page links to an offline edition that is there."""
    site = tmp_path / "mysite"
    shutil.copytree(new_site("en", "in-force"), site)
    # Committed on the run's build day: the step builds for the commit's time (SOURCE_DATE_EPOCH),
    # so its PDFs are the ones the run's pool holds and are read from it, not typeset cold each run.
    day = {"GIT_AUTHOR_DATE": f"@{os.environ['SOURCE_DATE_EPOCH']} +0000"}
    day["GIT_COMMITTER_DATE"] = day["GIT_AUTHOR_DATE"]
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "."]):
        subprocess.run(["git", *command], cwd=site, check=True, capture_output=True, env={**os.environ, **day})
    step = next(
        s for s in yaml.safe_load(scaffold.WORKFLOW)["jobs"]["build"]["steps"] if s.get("name") == "Build and check"
    )
    address = "https://example.github.io/mysite"
    env = {k: v.replace("${{ steps.pages.outputs.base_url }}", address) for k, v in step["env"].items()}
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    with pdf_cache() as cache:  # the run's typeset PDFs (GitHub's runner typesets them afresh)
        run = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=site,
            env={**os.environ, **cache, **env, "PATH": path},
            capture_output=True,
            text=True,
        )
    assert run.returncode == 0, run.stdout + run.stderr
    download = (site / "site" / "download" / "index.html").read_text(encoding="utf-8")
    assert 'href="../tebiki-offline.zip"' in download
    with zipfile.ZipFile(site / "site" / "tebiki-offline.zip") as package:
        assert "tebiki-offline/index.html" in package.namelist()
    assert f"<loc>{address}/</loc>" in (site / "site" / "sitemap.xml").read_text(encoding="utf-8")
