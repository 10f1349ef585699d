"""MkDocs hooks of the benchmark's plain builds: tebiki's overrides translate their words with
newstyle gettext (`_("... %(home)s", home=...)`), which plain MkDocs' own i18n cannot call.
The plain builds render the same overrides, so they get the same callables, and the two
generated files the overrides link to (the catalogs of tebiki's scripts and stylesheet)."""

from __future__ import annotations

from typing import Any

from tebiki import translations


def on_env(env: Any, config: Any, files: Any) -> Any:
    translations.activate(config.theme.get("language"))
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(
        translations.gettext, translations.ngettext, newstyle=True, pgettext=translations.pgettext
    )
    return env


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    language = translations.activate(config.theme.get("language"))
    files.append(File.generated(config, translations.SCRIPT_PATH, content=translations.script_catalog(language)))
    files.append(File.generated(config, translations.STYLESHEET_PATH, content=translations.stylesheet_catalog()))
    return files
