"""The window's language: follow the system, or what the person chose in View ▸ Language.

Why here: the QApplication loads the app's catalogue (`resources/translations/*.qm`, built from
translations/*.ts by packaging/translations.py) and Qt's own (`qtbase_*.qm`, dialog buttons) before
any window exists, and the Qt-free core (errors, class names) translates through the same catalogue
via `fashion_desktop.i18n.install`.

Switching applies at the next start, and the menu says so (with a Restart now button): the views
build their texts once, from tr() in their constructors, and retranslating live would mean
every view rebuilding every label, tooltip and chart axis on LanguageChange.
"""

from __future__ import annotations

import re
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QProcess, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from fashion_desktop import i18n
from fashion_desktop.resources import resource_path

SETTINGS_KEY = "language"
SYSTEM, ENGLISH, CHINESE = "system", "en", "zh_CN"
CATALOGUE = "fashion_desktop"  # translations/fashion_desktop_<lang>.ts -> resources/translations/<same>.qm

_installed: list[QTranslator] = []
translate = QCoreApplication.translate


def without_shortcut(text: str) -> str:
    """A menu label for a list or a button: no `&`, and no Chinese-style "(&C)" suffix."""
    return re.sub(r"\(&\w\)|&(?=[^&])", "", text)


def system_language() -> str:
    """The catalogue the system's UI language asks for ("zh_CN" or "en")."""
    for name in QLocale.system().uiLanguages():
        code = i18n.language_code(name)
        if code != "en" or name.lower().startswith("en"):
            return code
    return "en"


def chosen(settings: QSettings | None = None) -> str:
    """What the person chose: "system", "en" or "zh_CN"."""
    value = str((settings or QSettings()).value(SETTINGS_KEY, SYSTEM))
    return value if value in (SYSTEM, ENGLISH, CHINESE) else SYSTEM


def effective(choice: str) -> str:
    """The language a choice means on this computer."""
    return system_language() if choice == SYSTEM else choice


def catalogue_path(language: str) -> str:
    return str(resource_path("translations", f"{CATALOGUE}_{language}.qm"))


def install(app: QCoreApplication, language: str) -> bool:
    """Load the app's and Qt's catalogues for `language` ("en": none); True if the app's was found."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.install(None)
    if language == ENGLISH:
        QLocale.setDefault(QLocale("en_US"))
        return True
    ours = QTranslator(app)
    if not ours.load(catalogue_path(language)):
        return False
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    QLocale.setDefault(QLocale(language))
    i18n.install(lambda context, text, disambiguation, n: QCoreApplication.translate(context, text, disambiguation, n))
    return True


def install_chosen(app: QCoreApplication, settings: QSettings | None = None) -> str:
    """At start-up: the chosen (or system) language; returns the language in use."""
    language = effective(chosen(settings))
    return language if install(app, language) else ENGLISH


def language_menu(parent: QWidget, settings: QSettings | None = None) -> QMenu:
    """View ▸ Language: System / English / 简体中文, saved in QSettings, applied at the next start."""
    menu = QMenu(translate("Language", "&Language"), parent)
    menu.setObjectName("language_menu")
    group = QActionGroup(menu)
    current = chosen(settings)
    # Each language is named in itself, so a person who cannot read the current one still finds theirs.
    for code, label in ((SYSTEM, translate("Language", "&System")), (ENGLISH, "English"), (CHINESE, "简体中文")):
        action = QAction(label, menu, checkable=True)
        action.setData(code)
        action.setChecked(code == current)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: _choose(parent, str(action.data()), settings))
    return menu


def _choose(parent: QWidget, code: str, settings: QSettings | None) -> None:
    store = settings or QSettings()
    if chosen(store) == code:
        return
    store.setValue(SETTINGS_KEY, code)
    store.sync()
    box = QMessageBox(QMessageBox.Icon.Information, translate("Language", "Language"),
                      translate("Language", "The new language applies the next time Fashion Desktop starts."),
                      parent=parent)
    restart = box.addButton(translate("Language", "Restart now"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Language", "Later"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is restart and parent.window().close():
        arguments = sys.argv[1:] if getattr(sys, "frozen", False) else sys.argv
        QProcess.startDetached(sys.executable, arguments)
