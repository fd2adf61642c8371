"""Translations: extract the app's messages into translations/*.ts and build the .qm files the app loads.

    python packaging/translations.py update    # pyside6-lupdate: every tr()/translate()/QT_TRANSLATE_NOOP
                                               # in fashion_desktop/ -> translations/fashion_desktop_<lang>.ts
    python packaging/translations.py release   # pyside6-lrelease: *.ts -> resources/translations/*.qm
    python packaging/translations.py check     # exit 1 if a message is missing, unfinished or obsolete

Why the .qm files are committed (in resources/translations/): the app, the tests, `pip install -e .`,
the wheel (pyproject.toml's package-data) and the PyInstaller bundle (fdbuild/bundle_resources.py)
then all read the same files with no build step; tests/test_translations.py fails when they are stale.
Locations are left out of the .ts (`-locations none`): line numbers would change with every edit and
make merges conflict; Qt Linguist shows the context and the source text, which is what a translator needs.

A new language: `python packaging/translations.py update --add de`, translate
translations/fashion_desktop_de.ts in Qt Linguist (`pyside6-linguist`), then `release`, and teach
fashion_desktop/i18n.py's `language_code` and gui/language.py's menu the new code.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "fashion_desktop"
TS_DIR = ROOT / "translations"
QM_DIR = ROOT / "resources" / "translations"
CATALOGUE = "fashion_desktop"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease, from PATH or beside this Python."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def ts_files() -> list[Path]:
    return sorted(TS_DIR.glob(f"{CATALOGUE}_*.ts"))


def lupdate(ts: Path, *, keep_obsolete: bool = False) -> None:
    """Merge the sources' messages into `ts` (created if absent), keeping existing translations."""
    options = ["-locations", "none", "-silent"] + ([] if keep_obsolete else ["-no-obsolete"])
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    subprocess.run([tool("pyside6-lupdate"), *options, *files, "-ts", str(ts)], check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def qm_for(ts: Path) -> Path:
    return QM_DIR / (ts.stem + ".qm")


@dataclass
class Problems:
    missing: list[str] = field(default_factory=list)  # in the sources, not in the catalogue
    unfinished: list[str] = field(default_factory=list)  # in both, not translated yet
    obsolete: list[str] = field(default_factory=list)  # in the catalogue, no longer in the sources

    def __bool__(self) -> bool:
        return bool(self.missing or self.unfinished or self.obsolete)

    def report(self, name: str) -> str:
        lines = []
        for kind in ("missing", "unfinished", "obsolete"):
            items = getattr(self, kind)
            if items:
                lines.append(f"{name}: {len(items)} {kind}:")
                lines += [f"  {item}" for item in items[:40]] + (["  …"] if len(items) > 40 else [])
        return "\n".join(lines)


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <message>, for every message of a .ts file."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
        return False
    forms = translation.findall("numerusform")
    return all((f.text or "").strip() for f in forms) if forms else bool((translation.text or "").strip())


def check(ts: Path) -> Problems:
    """Regenerate the catalogue from the sources into a temporary .ts and compare with `ts`."""
    problems = Problems()
    committed = messages(ts)
    with tempfile.TemporaryDirectory() as tmp:
        fresh_path = Path(tmp) / ts.name
        fresh_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                              f'<TS version="2.1" language="{ts.stem.removeprefix(CATALOGUE + "_")}"></TS>\n',
                              encoding="utf-8")
        lupdate(fresh_path)
        fresh = messages(fresh_path)
    for key in fresh:
        label = f"[{key[0]}] {key[1]!r}"
        if key not in committed:
            problems.missing.append(label)
        elif not is_finished(committed[key]):
            problems.unfinished.append(label)
    problems.obsolete = [f"[{k[0]}] {k[1]!r}" for k in committed if k not in fresh]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("update", "release", "check"))
    parser.add_argument("--add", metavar="LANG", help="with update: start a catalogue for LANG (e.g. de, ja)")
    args = parser.parse_args(argv)
    if args.command == "update":
        targets = ts_files()
        if args.add:
            new = TS_DIR / f"{CATALOGUE}_{args.add}.ts"
            new.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                           f'<TS version="2.1" language="{args.add}"></TS>\n', encoding="utf-8")
            targets = sorted({*targets, new})
        for ts in targets:
            lupdate(ts)
            print(f"updated {ts.relative_to(ROOT)}")
        return 0
    if args.command == "release":
        for ts in ts_files():
            lrelease(ts, qm_for(ts))
            print(f"built {qm_for(ts).relative_to(ROOT)}")
        return 0
    failed = False
    for ts in ts_files():
        problems = check(ts)
        if problems:
            print(problems.report(ts.name))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
