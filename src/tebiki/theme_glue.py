"""What the plugin adds to a site from the theme folder shipped in the package.

The site's own files always win: its `custom_dir` comes before tebiki's overrides in
`theme.dirs`, and a page or asset it keeps in docs/ at the same path replaces tebiki's.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

THEME = Path(__file__).parent / "theme"
OVERRIDES = THEME / "overrides"
ASSETS = THEME / "assets"  # published at assets/...
PAGES = THEME / "pages"  # default pages: search, download, accessibility policy
QUIZ_LOCALES = THEME / "locales" / "mkdocs-quiz"


def add_overrides(config: MkDocsConfig) -> None:
    """tebiki's templates go right after the site's custom_dir, before Material's own."""
    dirs = config.theme.dirs
    if str(OVERRIDES) in dirs:
        return
    dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))


def add_quiz_translations(config: MkDocsConfig) -> None:
    """mkdocs-quiz reads tebiki's reviewed catalogs unless the site names its own."""
    quiz = config.plugins.get("mkdocs_quiz")
    if quiz is None:
        return
    ours = quiz.config.setdefault("custom_translations", {})
    for po in sorted(QUIZ_LOCALES.glob("*.po")):
        ours.setdefault(po.stem, str(po))  # an absolute path: mkdocs-quiz joins it to mkdocs.yml's folder


def with_theme_files(files: Files, config: MkDocsConfig) -> Files:
    """Assets and default pages join the site's files, unless it has its own at that path.

    They are sorted in with docs/ as if they were in it: the sitemap lists pages in file order."""
    added = []
    for root, prefix in ((ASSETS, "assets/"), (PAGES, "")):
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            uri = prefix + path.relative_to(root).as_posix()
            if files.get_file_from_path(uri) is None:
                added.append(File.generated(config, uri, abs_src_path=str(path)))
    return Files(sorted([*files, *added], key=_walk_order))


def _walk_order(file: File) -> tuple[tuple[str, ...], bool, str]:
    """The order MkDocs reads docs/ in: a folder's files (index first), then its subfolders."""
    *folders, name = file.src_uri.split("/")
    return tuple(folders), Path(name).stem not in ("index", "README"), name
