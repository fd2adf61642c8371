"""argparse's own words (usage:, options, its error messages) in the language the CLI speaks (issue 15).

Why: `--help` and usage errors are read by people too, and argparse builds them from English
sentences it passes through `gettext` (domain "argparse"), for which no Chinese catalogue is
installed on most systems. This module lists the sentences a person can meet, so pyside6-lupdate
puts them into the app's one catalogue (context "argparse"), and points argparse's lookup at
`fashion_desktop.i18n` while a language other than English is in use. The placeholders
(%(prog)s, %s, %r) are argparse's and must stay in every translation.
"""

from __future__ import annotations

import argparse
import gettext

from fashion_desktop import i18n
from fashion_desktop.i18n import QT_TRANSLATE_NOOP

MESSAGES = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
)


def _gettext(text: str) -> str:
    return i18n.translate("argparse", text) if text in MESSAGES else gettext.gettext(text)


def install() -> None:
    """argparse speaks the language `i18n` uses now (English: its own gettext, as before)."""
    argparse._ = _gettext if i18n.translating() else gettext.gettext  # type: ignore[attr-defined]
