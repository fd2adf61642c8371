"""The command line speaks the language LANG/LC_ALL ask for (issue 15).

Why Qt here: the window and the command line share one catalogue (translations/*.ts, compiled
to resources/translations/*.qm). `QTranslator` from QtCore reads a .qm without a display or a
QApplication, so the CLI loads it only when the environment asks for a language other than
English; English runs import no Qt at all. JSON output and its keys are never translated.
"""

from __future__ import annotations

from collections.abc import Mapping

from fashion_desktop import i18n
from fashion_desktop.resources import resource_path

CATALOGUE = "fashion_desktop"
_keep: list[object] = []  # the QTranslator must outlive the lookups


def setup(environ: Mapping[str, str] | None = None) -> str:
    """Install the catalogue the environment asks for; returns the language in use ("en" if none fits)."""
    language = i18n.language_from_environment(environ)
    if language == "en":
        i18n.install(None)
        return language
    path = resource_path("translations", f"{CATALOGUE}_{language}.qm")
    if not path.is_file():
        return "en"
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not translator.load(str(path)):
        return "en"
    _keep[:] = [translator]
    i18n.install(lambda context, text, disambiguation, n: translator.translate(context, text, disambiguation, n))
    return language
