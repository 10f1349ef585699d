"""Interface strings in the site's language: gettext catalogs read with Babel.

Every string tebiki adds to a site (page templates, the theme's overrides and
scripts, PDFs, slides, generated video captions) is an English msgid looked up
in `theme/locales/tebiki/<language>.po`. The language is the site's
`theme.language`, as for Material's own strings; the plugin activates it before
generating anything. A language without a catalog falls back to English.
Adding a language is adding `<language>.po` (see README, "Adding a language").

Dates and numbers are written by babel.dates / babel.numbers for the same
language: 2019年4月1日 in Japanese, April 1, 2019 in English.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

CATALOGS = Path(__file__).parent / "theme" / "locales" / "tebiki"
DOMAIN = "tebiki"
SOURCE_LANGUAGE = "en"  # the msgids are English
DEFAULT_LANGUAGE = "ja"  # what generators speak when nobody activated a language (tests, scripts)

_active: ContextVar[str] = ContextVar("tebiki_language", default=DEFAULT_LANGUAGE)


def languages() -> list[str]:
    """Languages with a catalog."""
    return sorted(p.stem for p in CATALOGS.glob("*.po"))


def resolve(language: str | None) -> str:
    """The catalog for a `theme.language` value: exact (pt_BR), then its base (pt), else English."""
    if not language:
        return SOURCE_LANGUAGE
    tag = language.replace("-", "_")
    available = languages()
    for candidate in (tag, tag.split("_")[0].lower()):
        if candidate in available:
            return candidate
    return SOURCE_LANGUAGE


def activate(language: str | None) -> str:
    """Speak `language` from now on in this context; returns the catalog chosen."""
    chosen = resolve(language)
    _active.set(chosen)
    return chosen


@contextmanager
def using(language: str | None) -> Iterator[str]:
    token = _active.set(resolve(language))
    try:
        yield _active.get()
    finally:
        _active.reset(token)


def active() -> str:
    return _active.get()


@cache
def catalog(language: str) -> Catalog:
    with (CATALOGS / f"{language}.po").open("rb") as fh:
        return read_po(fh, locale=language, domain=DOMAIN)


Compiled = tuple[bytes, tuple[str, ...]]
_kept: dict[str, Compiled] = {}  # language -> what `use_compiled` was given (a build's cache)


@cache
def compiled(language: str) -> Compiled:
    """The catalog compiled to .mo bytes (fuzzy entries left out, as gettext does) and the
    msgids the theme's scripts use (those found in .js files). Reading the .po file with Babel
    costs some 60 ms, so a one-off build keeps this between builds (`use_compiled`)."""
    if language in _kept:
        return _kept[language]
    read = catalog(language)
    buf = BytesIO()
    write_mo(buf, read, use_fuzzy=False)
    scripts = tuple(
        str(message.id) for message in read if message.id and any(path.endswith(".js") for path, _ in message.locations)
    )
    return buf.getvalue(), scripts


def use_compiled(language: str, kept: Compiled) -> None:
    """Use `kept`, what `compiled(language)` gave for the same catalog file, instead of reading it."""
    if _kept.get(language) == kept:  # `serve` gives the same one on every rebuild: keep what was made of it
        return
    _kept[language] = kept
    compiled.cache_clear()
    translations.cache_clear()


@cache
def translations(language: str) -> Translations:
    return Translations(BytesIO(compiled(language)[0]), domain=DOMAIN)


def gettext(message: str) -> str:
    return translations(_active.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_active.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return str(translations(_active.get()).pgettext(context, message))


def _(message: str, **values: object) -> str:
    """gettext with %(name)s placeholders filled in, as in the templates."""
    text = gettext(message)
    return text % values if values else text


def locale() -> Locale:
    return _locale(_active.get())


@cache
def _locale(tag: str) -> Locale:  # parsed once: every date on every page asks for it
    return Locale.parse(tag)


def date(day: dt.date) -> str:
    """A day as the language writes it in running text."""
    return format_date(day, format="long", locale=locale())


def number(value: float) -> str:
    return format_decimal(value, locale=locale())


def language_name(tag: str) -> str:
    """A language's name in the active language: ja is 日本語 on a Japanese site, Japanese on an English one."""
    return Locale.parse(tag.replace("-", "_")).get_display_name(locale()) or tag


def lang_attribute() -> str:
    """The `lang` of HTML written in the active language (BCP 47: pt-BR, not pt_BR)."""
    return _active.get().replace("_", "-")


# Scripts written without spaces between words and sentences.
UNSPACED = {"ja", "zh", "th", "lo", "km", "my"}  # languages written without spaces between words


def spaced() -> bool:
    """Whether the active language separates words with spaces (English) or not (Japanese)."""
    return _active.get().split("_")[0] not in UNSPACED


def has_plurals(language: str) -> bool:
    """Whether nouns of `language` change in the plural (English school/schools; not Japanese)."""
    try:
        return bool(Locale.parse(language.replace("-", "_")).plural_form.tags)
    except (ValueError, LookupError):  # not a language Babel knows: ask for both forms
        return True


def gap() -> str:
    """What separates two sentences or a label from its text: a space, or nothing in Japanese."""
    return " " if spaced() else ""


_SENTENCE_END = re.compile(r"(?<=。)")
_SPACED_SENTENCE_END = re.compile(r"(?<=。)|(?<=[.!?])\s+")


def first_sentence(text: str) -> str:
    """The first sentence: up to 「。」 in Japanese; in English also up to ". ", "? " or "! "."""
    pattern = _SPACED_SENTENCE_END if spaced() else _SENTENCE_END
    parts = [p for p in pattern.split(text.strip(), maxsplit=1) if p.strip()]
    return parts[0].strip() if parts else text.strip()


SCRIPT = Path(__file__).parent / "theme" / "templates" / "i18n.js"
SCRIPT_PATH = "assets/i18n.js"  # where the site gets it; loaded before every other script of the theme


STYLESHEET_PATH = "assets/i18n.css"  # the words CSS adds with `content:`, as custom properties


def stylesheet_catalog() -> str:
    """assets/i18n.css: words the theme's CSS shows (`content: var(--tebiki-l10n-…)`), in the active language."""
    words = {
        "correct": _(" (correct)"),
        "wrong": _(" (wrong)"),
        "correct-arrow": _("  ← correct"),
        "correct-aside": _("  (correct)"),
        "open": _(" ("),
        "close": _(")"),
    }
    lines = [f"  --tebiki-l10n-{name}: {json.dumps(text, ensure_ascii=False)};" for name, text in words.items()]
    return "/* Written by the build from tebiki's message catalog. */\n:root {\n" + "\n".join(lines) + "\n}\n"


def inner_quotes(text: str) -> str:
    """Text about to go inside the message's own quote marks: in Japanese its 「」 become 『』,
    the way a quotation within a quotation is written (「…『…』…」)."""
    return text.replace("「", "『").replace("」", "』")


def quoted(words: list[str]) -> str:
    """Words quoted one by one: 「A」「B」 in Japanese, “A”, “B” in English."""
    separator = pgettext("list separator", ", ") if spaced() else ""
    return separator.join(_("“%(words)s”", words=w) for w in words)


def script_catalog(language: str) -> str:
    """assets/i18n.js: `tebikiT(msgid, values)` for the theme's scripts, with their messages inlined."""
    messages = json.dumps(script_messages(language), ensure_ascii=False, sort_keys=True, indent=1)
    return SCRIPT.read_text(encoding="utf-8").replace("{/*messages*/}", messages)


def script_messages(language: str) -> dict[str, str]:
    """msgid -> translation of every message the theme's scripts use (those found in .js files)."""
    trans = translations(language)
    return {message: trans.gettext(message) for message in sorted(compiled(language)[1])}
