"""What the plugin adds to a site, so that its mkdocs.yml needs only a name, a URL, the
Material theme with a language, and `plugins: [tebiki]`.

The site's own choices win wherever it makes one: its `custom_dir` comes before tebiki's
overrides in `theme.dirs`, a page or asset it keeps in docs/ at the same path replaces
tebiki's, its CSS and scripts load after tebiki's, and an option it sets for a Markdown
extension or for mkdocs-quiz is kept. What would break a tebiki site (another theme,
Google Fonts, quiz answers embedded in the page) is refused with an error.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import babel
import jinja2
import jinja2.bccache
import material
import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils.yaml import yaml_load

from ..generate import quiz as quiz_pages
from ..generate.render import KeptBytecode
from ..generate.theme_files import ASSETS, OVERRIDES, QUIZ_LOCALES, pages_dir

# Loaded on every page; the page templates load the rest (checklist, quiz, slides, video) where needed.
EXTRA_CSS = ["assets/i18n.css", "assets/tebiki.css"]  # i18n.css: generated, see translations
EXTRA_JAVASCRIPT = ["assets/i18n.js", "assets/keyboard-nav.js"]  # i18n.js: generated, see translations

# Material features the templates and pages are written for.
FEATURES = ["navigation.sections", "navigation.top", "navigation.footer", "toc.follow", "content.tooltips"]

# Markdown the generated pages are written in, with the options they rely on.
MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "toc": {"permalink": False},
    "attr_list": {},
    "md_in_html": {},
    "admonition": {},
    "def_list": {},
    "pymdownx.details": {},
    "pymdownx.superfences": {},
}

QUIZ_PLUGIN = "mkdocs_quiz"
# Quizzes run only on the generated quiz pages, which opt in with `quiz: {enabled: true}`.
QUIZ_OPTIONS: dict[str, Any] = {
    "enabled_by_default": False,  # otherwise ~60 KB of JS/CSS is inlined into every page
    "auto_submit": False,  # with it, pressing ↓ on a radio button submits an answer
    "show_correct": True,
    "disable_after_submit": False,  # readers may try again; the self-test turns this on
    "confetti": False,  # motion that cannot be turned off; no prefers-reduced-motion check
    "embed_source": False,  # the source comment would carry the answers into the HTML
}


def configure(config: MkDocsConfig) -> None:
    """Everything tebiki needs from MkDocs, added to the site's configuration."""
    theme = config.theme
    if theme.name != "material":
        raise PluginError(
            f"mkdocs.yml: theme.name is {theme.name!r}; tebiki's pages are made for Material for MkDocs.\n"
            "→ set `theme: {name: material, language: ja}` (or `language: en`)."
        )
    raw_theme = _user_setting(config, "theme")
    if isinstance(raw_theme, dict) and raw_theme.get("font") not in (None, False):
        raise PluginError(
            "mkdocs.yml: theme.font makes every page load fonts from Google; a tebiki site makes no "
            "request to a third party unless the visitor asks.\n→ remove theme.font (tebiki sets it to false); "
            "a self-hosted font can come with a stylesheet in extra_css."
        )
    theme["font"] = False
    add_overrides(config)
    features = theme["features"] = list(theme["features"] or [])
    features.extend(f for f in FEATURES if f not in features)
    for name, options in MARKDOWN_EXTENSIONS.items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        for key, value in options.items():
            config.mdx_configs.setdefault(name, {}).setdefault(key, value)
    # tebiki's first, so that a site's own stylesheet and scripts come after and win.
    config.extra_css[:0] = [p for p in EXTRA_CSS if p not in config.extra_css]
    scripts = [str(s) for s in config.extra_javascript]
    config.extra_javascript[:0] = [p for p in EXTRA_JAVASCRIPT if p not in scripts]
    add_quiz_plugin(config)


def add_overrides(config: MkDocsConfig) -> None:
    """tebiki's templates go right after the site's custom_dir, before Material's own."""
    dirs = config.theme.dirs
    if str(OVERRIDES) in dirs:
        return
    dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))


def add_quiz_plugin(config: MkDocsConfig) -> None:
    """mkdocs-quiz turns the generated quiz pages into quizzes: tebiki registers it itself,
    with its options, unless the site lists it (then only the options the site leaves out)."""
    from mkdocs_quiz.plugin import MkDocsQuizPlugin

    quiz = config.plugins.get(QUIZ_PLUGIN)
    if quiz is None:
        quiz = MkDocsQuizPlugin()
        errors, _ = quiz.load_config(dict(QUIZ_OPTIONS), config.config_file_path)
        if errors:  # only if mkdocs-quiz changed its options: tebiki's own mistake
            raise PluginError(f"tebiki could not configure mkdocs-quiz: {errors}")
        config.plugins[QUIZ_PLUGIN] = quiz
    else:
        own = _user_plugin_options(config, QUIZ_PLUGIN)
        if own.get("embed_source"):
            raise PluginError(
                "mkdocs.yml: mkdocs_quiz embed_source: true would publish every answer in the page source.\n"
                f"→ remove the {QUIZ_PLUGIN} entry from plugins (tebiki configures it) or set embed_source: false."
            )
        for key, value in QUIZ_OPTIONS.items():
            if key not in own:
                quiz.config[key] = value
    # tebiki's reviewed catalogs, unless the site names its own for a language.
    translations = quiz.config.setdefault("custom_translations", {})
    for po in sorted(QUIZ_LOCALES.glob("*.po")):
        translations.setdefault(po.stem, str(po))  # absolute: mkdocs-quiz joins it to mkdocs.yml's folder
    quiz_pages.show_buttons(_quiz_labels(quiz.config, config))


def _quiz_labels(options: Any, config: MkDocsConfig) -> dict[str, str]:
    """The labels mkdocs-quiz will put on the buttons the quiz intros name, found as it finds them
    for tebiki's quiz pages: its catalog for the site's language (its `language` option, else
    theme.language), with the catalog `custom_translations` names for it (the site's, or tebiki's) over it."""
    from mkdocs_quiz.translations import TranslationManager

    language = options.get("language") or config.theme.get("language") or "en"
    custom = options.get("custom_translations", {}).get(language)
    manager = TranslationManager(language, Path(config.config_file_path).parent / custom if custom else None)
    return {key: manager.get(msgid) for key, msgid in quiz_pages.BUTTON_MESSAGES.items()}


def with_theme_files(files: Files, config: MkDocsConfig) -> Files:
    """Assets and default pages join the site's files, unless it has its own at that path.

    They are sorted in with docs/ as if they were in it: the sitemap lists pages in file order."""
    added = [
        File.generated(config, uri, abs_src_path=str(path)) for uri, path in theme_files() if uri not in files.src_uris
    ]
    return Files(sorted([*files, *added], key=_walk_order))


def theme_files() -> Iterator[tuple[str, Path]]:
    """(path in the site's docs, file in the package) of every asset and default page."""
    for root, prefix in ((ASSETS, "assets/"), (pages_dir(), "")):
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            yield prefix + path.relative_to(root).as_posix(), path


def _walk_order(file: File) -> tuple[tuple[str, ...], bool, str]:
    """The order MkDocs reads docs/ in: a folder's files (index first), then its subfolders."""
    *folders, name = file.src_uri.split("/")
    return tuple(folders), Path(name).stem not in ("index", "README"), name


def _user_setting(config: MkDocsConfig, key: str) -> Any:
    """What the site's mkdocs.yml itself says (with INHERIT and !ENV), not a default."""
    if not config.config_file_path:
        return None
    with open(config.config_file_path, "rb") as fh:
        raw = yaml_load(fh)
    return raw.get(key) if isinstance(raw, dict) else None


def _user_plugin_options(config: MkDocsConfig, name: str) -> dict[str, Any]:
    """The options the site's mkdocs.yml gives plugin `name` ({} if it lists it bare or not at all)."""
    plugins = _user_setting(config, "plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (_entry(e) for e in plugins)
    for key, options in entries:
        if key == name and isinstance(options, dict):
            return dict(options)
    return {}


def _entry(entry: Any) -> tuple[Any, Any]:
    """One item of a `plugins:` list: `name` or `{name: options}`."""
    if isinstance(entry, dict) and len(entry) == 1:
        return next(iter(entry.items()))
    return entry, None


class _CompiledTemplates(jinja2.BytecodeCache):
    """Material's and tebiki's page templates, compiled once: compiling them took some 0.4 s of
    every build, a sixth of it, and MkDocs makes a new Jinja environment for every `serve`
    rebuild and every `mkdocs build`. Kept in memory for the process and between processes in
    Jinja's own file cache (a folder of the system's temporary directory only this user may
    read; `KeptBytecode`), as generate/render.py keeps the generators' templates. Jinja keys each entry by the
    template's name and a checksum of its source, so an edited override is compiled afresh; how
    it compiles depends on Jinja and on the environment MkDocs makes, so the file names carry
    their versions."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        # Modules' own version strings: importlib.metadata would scan every installed package (~80 ms).
        made_by = "-".join(module.__version__ for module in (jinja2, mkdocs, material, babel))
        tag = hashlib.sha256(made_by.encode()).hexdigest()[:16]
        self._disk = KeptBytecode(pattern=f"__tebiki_theme_{tag}_%s.cache")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
            return
        self._disk.load_bytecode(bucket)  # Bucket checks its source checksum and Jinja's format
        if bucket.code is not None:
            self._code[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        self._disk.dump_bytecode(bucket)  # written to a temporary file, then renamed into place


COMPILED_TEMPLATES = _CompiledTemplates()
