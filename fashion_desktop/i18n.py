"""Translatable text for the Qt-free core and the command line: one catalogue for everything.

Why: the window, the command line and the core's error messages should all speak the user's
language, and a translator should edit one file (`translations/fashion_desktop_<lang>.ts`, with
Qt Linguist). The core must not import Qt, so it only *marks* its English text here:

- `QT_TRANSLATE_NOOP(context, text)` marks a literal for `pyside6-lupdate` and returns it unchanged;
- `translate(context, text, n)` looks the text up through whatever lookup the front end installed
  (`install`); with none installed (tests, scripts) it returns the English text;
- `message(context, template, **args)` translates a `{name}` template, then fills it in.

The window installs `QCoreApplication.translate` (gui/language.py); the command line installs a
`QTranslator` loaded from the same `.qm` when LANG/LC_ALL says so (gui/cli_language.py).
Errors keep their English template and arguments and translate when shown (errors.py).
"""

from __future__ import annotations

import locale
import os
from collections.abc import Callable, Mapping

Lookup = Callable[[str, str, str | None, int], str]  # (context, source, disambiguation, n) -> translation or ""

SUPPORTED = ("en", "zh_CN")  # languages with a catalogue; "en" is the source text itself

_lookup: Lookup | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without importing Qt (lupdate looks for this name)."""
    return text


def install(lookup: Lookup | None) -> None:
    """Use `lookup` for every later `translate` call; None goes back to English."""
    global _lookup
    _lookup = lookup


def translating() -> bool:
    """Whether a language other than English is in use (a lookup is installed)."""
    return _lookup is not None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the current language (English if there is no translation); `%n` becomes `n`.

    The arguments are Qt's, in Qt's order, so lupdate reads the call: it drops a message whose count
    is passed as `n=`, as a third positional argument or as an attribute (`obj.count`); write
    `translate(context, text, None, count)` with a plain name. (pyside6-lupdate marks such a
    message numerus only for a literal count; `%n` is replaced either way, and zh_CN has one form.)
    """
    translated = _lookup(context, text, disambiguation, n) if _lookup is not None else ""
    result = translated or text
    return result.replace("%n", str(n)) if n >= 0 else result


def message(context: str, template: str, /, **args: object) -> str:
    """Translate a `{name}` template, then fill it in; a broken translation falls back to English."""
    translated = translate(context, template)
    if not args:
        return translated
    try:
        return translated.format(**args)
    except (KeyError, IndexError, ValueError):
        return template.format(**args)


class Text:
    """A translatable sentence used as an argument of another (e.g. how to get the data set): it is
    translated when the outer message is shown, in the language in use then."""

    def __init__(self, context: str, template: str, /, **args: object) -> None:
        self.context, self.template, self.args = context, template, args

    def __str__(self) -> str:
        return message(self.context, self.template, **self.args)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The catalogue the environment asks for ("zh_CN" or "en"), as gettext reads LANGUAGE/LC_ALL/…/LANG."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return language_code(value.split(":")[0])
    if environ is None:  # Windows and macOS set no LANG: ask the C library
        try:
            code = locale.getlocale()[0] or ""
        except ValueError:
            code = ""
        return language_code(code)
    return "en"


def language_code(locale_name: str) -> str:
    """Map a locale name (zh_CN.UTF-8, zh-Hans, zh_SG, Chinese (Simplified)_China) to a catalogue."""
    name = locale_name.replace("-", "_").split(".")[0].lower()
    if name.startswith("zh") and not any(tag in name for tag in ("tw", "hk", "mo", "hant")):
        return "zh_CN"
    if name.startswith("chinese") and "traditional" not in name:
        return "zh_CN"
    return "en"
