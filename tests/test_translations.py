"""The Simplified Chinese catalogue (issue 15): complete, built, safe to format, and used by the CLI.

The catalogue is regenerated from the sources (pyside6-lupdate) into a temporary .ts and compared
with the committed one, so a new or changed message without a translation fails here, not in
front of a reader. The CLI tests run the real command under LANG=zh_CN.UTF-8.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))  # the build helpers live beside build.py, not in the app

import translations  # noqa: E402
from fashion_desktop import i18n  # noqa: E402
from fashion_desktop.errors import ImageError  # noqa: E402

ZH = translations.TS_DIR / "fashion_desktop_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d|%\(\w+\)[sdr]|%[sr]")  # str.format, Qt, argparse's %-style


def test_the_zh_CN_catalogue_has_every_message_of_the_sources_translated_and_nothing_obsolete():
    problems = translations.check(ZH)
    assert not problems, "run `python packaging/translations.py update`, translate, then `release`:\n" + \
        problems.report(ZH.name)


def test_the_committed_qm_is_built_from_the_committed_ts(tmp_path):
    built = tmp_path / "zh.qm"
    translations.lrelease(ZH, built)
    shipped = translations.qm_for(ZH)
    assert shipped.is_file(), "run `python packaging/translations.py release`"
    assert shipped.read_bytes() == built.read_bytes(), "stale .qm: run `python packaging/translations.py release`"


def test_every_translation_keeps_the_placeholders_of_its_source():
    """A lost or renamed {0}/{name} would raise in .format() or show the wrong number."""
    wrong = []
    for (context, source), message in translations.messages(ZH).items():
        if not translations.is_finished(message):
            continue  # the completeness test reports it
        node = message.find("translation")
        texts = [f.text or "" for f in node.findall("numerusform")] or [node.text or ""]
        for text in texts:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                wrong.append(f"[{context}] {source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_class_names_are_the_established_chinese_ones():
    names = {source: message.findtext("translation") for (context, source), message in translations.messages(ZH).items()
             if context == "Classes"}
    assert names == {"T-shirt/top": "T恤/上衣", "Trouser": "裤子", "Pullover": "套头衫", "Dress": "连衣裙",
                     "Coat": "外套", "Sandal": "凉鞋", "Shirt": "衬衫", "Sneaker": "运动鞋", "Bag": "包",
                     "Ankle boot": "短靴"}


@pytest.mark.parametrize(("value", "expected"), [
    ("zh_CN.UTF-8", "zh_CN"), ("zh_CN", "zh_CN"), ("zh-Hans", "zh_CN"), ("zh_SG.UTF-8", "zh_CN"),
    ("zh_TW.UTF-8", "en"), ("zh-Hant", "en"), ("en_US.UTF-8", "en"), ("C", "en"), ("C.UTF-8", "en"),
    ("Chinese (Simplified)_China.936", "zh_CN"),
])
def test_locale_names_map_to_the_catalogue_that_fits(value, expected):
    assert i18n.language_code(value) == expected


def test_the_environment_is_read_in_gettext_order():
    assert i18n.language_from_environment({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}) == "zh_CN"
    assert i18n.language_from_environment({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}) == "en"
    assert i18n.language_from_environment({"LANGUAGE": "zh_CN:en", "LANG": "C"}) == "zh_CN"
    assert i18n.language_from_environment({}) == "en"


def test_an_error_is_translated_when_shown_and_keeps_its_english_sentence():
    error = ImageError("{name} is a folder, not an image.", name="shirts")
    assert str(error) == error.english == "shirts is a folder, not an image."
    i18n.install(lambda context, text, _disambiguation, n: "{name} 是文件夹，不是图片。" if context == "Errors" else "")
    try:
        assert str(error) == "shirts 是文件夹，不是图片。"
        assert error.english == "shirts is a folder, not an image."
    finally:
        i18n.install(None)


def _cli(*args: str, lang: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(LANG=lang, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "fashion_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=tmp_path, timeout=300)


def test_the_cli_explains_a_missing_weights_file_in_chinese_under_lang_zh_cn(tmp_path):
    picture = tmp_path / "shirt.png"
    picture.write_bytes(b"")
    proc = _cli("predict", "--weights", "nowhere.pth", str(picture), lang="zh_CN.UTF-8", tmp_path=tmp_path)
    assert proc.returncode == 1
    assert "shirt.png 是空文件（0 字节）。" in proc.stdout  # the image's error, in Chinese
    proc = _cli("predict", "--weights", "nowhere.pth", "--quiet", str(ROOT / "resources" / "samples" /
                sorted(os.listdir(ROOT / "resources" / "samples"))[0]), lang="zh_CN.UTF-8", tmp_path=tmp_path)
    assert proc.returncode == 1
    assert "找不到权重文件：nowhere.pth。" in proc.stderr, proc.stderr


def test_the_cli_speaks_english_elsewhere_and_json_keeps_english_labels(tmp_path):
    sample = ROOT / "resources" / "samples" / sorted(os.listdir(ROOT / "resources" / "samples"))[0]
    proc = _cli("predikt", lang="C.UTF-8", tmp_path=tmp_path)
    assert proc.returncode == 2 and "unknown command 'predikt' (did you mean 'predict'?)" in proc.stderr
    proc = _cli("predikt", lang="zh_CN.UTF-8", tmp_path=tmp_path)
    assert proc.returncode == 2 and "未知命令 'predikt'（你是不是想输入 'predict'？）" in proc.stderr
    import json

    proc = _cli("predict", "--json", str(sample), "missing.png", lang="zh_CN.UTF-8", tmp_path=tmp_path)
    good, bad = json.loads(proc.stdout)
    from fashion_desktop.classes import CLASS_NAMES

    assert good["label"] in CLASS_NAMES and good["label_localized"] != good["label"]
    assert set(good["probabilities"]) == set(CLASS_NAMES)
    assert bad["error"] == "missing.png: no such file."


def test_the_cli_help_usage_errors_and_folder_notes_are_chinese_under_lang_zh_cn(tmp_path):
    proc = _cli("--help", lang="zh_CN.UTF-8", tmp_path=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.startswith("用法：") and "显示此帮助信息并退出" in proc.stdout  # argparse's own words
    assert "对图片文件分类" in proc.stdout  # predict's summary
    assert "usage:" not in proc.stdout and "show this help" not in proc.stdout
    proc = _cli("predict", lang="zh_CN.UTF-8", tmp_path=tmp_path)
    assert proc.returncode == 2 and "错误：缺少以下必需参数：FILE" in proc.stderr, proc.stderr
    (tmp_path / "notes.txt").write_text("not a picture")
    proc = _cli("predict", str(tmp_path), lang="zh_CN.UTF-8", tmp_path=tmp_path)
    assert proc.returncode == 1
    assert "跳过了 1 个从文件名看不是图片的文件" in proc.stderr and "没有可分类的图片。" in proc.stderr, proc.stderr
    proc = _cli("--help", lang="C.UTF-8", tmp_path=tmp_path)
    assert proc.stdout.startswith("usage:") and "show this help message and exit" in proc.stdout


def test_every_help_text_of_every_command_is_chinese():
    """A help text written without i18n.translate stays English in `--help`; this finds it."""
    import argparse

    from fashion_desktop.cli import _parser, argparse_text
    from fashion_desktop.gui import cli_language

    assert cli_language.setup({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    try:
        parser = _parser()
        parsers = [parser] + [p for a in parser._actions if isinstance(a, argparse._SubParsersAction)
                              for p in a.choices.values()]
        english = []
        for each in parsers:
            texts = [each.description or ""] + [a.help for a in each._actions
                                                if a.help and a.help != argparse.SUPPRESS
                                                and not isinstance(a, argparse._HelpAction)]
            english += [f"{each.prog}: {text!r}" for text in texts if text and not re.search(r"[\u4e00-\u9fff]", text)]
        subcommands = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)][0]
        english += [f"{c.dest}: {c.help!r}" for c in subcommands._choices_actions
                    if not re.search(r"[\u4e00-\u9fff]", c.help or "")]
    finally:
        i18n.install(None)
        argparse_text.install()
    assert not english, "wrap these help texts in i18n.translate(\"CliHelp\", …):\n" + "\n".join(english)


def test_every_error_the_core_raises_for_a_person_is_a_translatable_template():
    """An error built from an f-string reaches the window in English whatever the language: its text
    must be a QT_TRANSLATE_NOOP("Errors", …) template with arguments (or a variable holding one).
    numpy_net's errors are exempt: they never reach a person (torch's loader words the error)."""
    import ast

    from fashion_desktop import errors
    from fashion_desktop.dataset.download import DownloadCancelled
    from fashion_desktop.network.export import ExportCancelled

    names = {name for name, value in vars(errors).items() if isinstance(value, type)
             and issubclass(value, errors.FashionDesktopError)} | {DownloadCancelled.__name__, ExportCancelled.__name__}
    wrong = []
    for path in sorted((ROOT / "fashion_desktop").rglob("*.py")):
        if path.name == "numpy_net.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names and node.args:
                first = node.args[0]
                marked = isinstance(first, ast.Call) and getattr(first.func, "id", "") == "QT_TRANSLATE_NOOP"
                if not (marked or isinstance(first, ast.Name)):
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.func.id}({ast.unparse(first)[:60]}…)")
    assert not wrong, "raise these with QT_TRANSLATE_NOOP(\"Errors\", template), **arguments:\n" + "\n".join(wrong)


def test_a_refused_export_is_explained_in_chinese_and_keeps_its_english_sentence(tmp_path):
    from fashion_desktop.errors import ExportError
    from fashion_desktop.gui import cli_language
    from fashion_desktop.network.export import export_model
    from fashion_desktop.network.model import NeuralNetwork

    assert cli_language.setup({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    try:
        with pytest.raises(ExportError) as refused:
            export_model(NeuralNetwork(), tmp_path, "onnx")  # a folder, not a file
        assert str(refused.value) == f"{tmp_path} 是文件夹；请给出文件名，例如 {tmp_path / 'model.onnx'}。"
        assert refused.value.english == f"{tmp_path} is a folder; give a file name such as {tmp_path / 'model.onnx'}."
    finally:
        i18n.install(None)


def test_the_terminal_confusion_table_stays_in_line_with_chinese_names():
    """A Chinese character takes two terminal columns: padding by characters would skew every row."""
    from fashion_desktop.cli.tables import confusion_table, display_width

    names = ("T恤/上衣", "裤子", "套头衫", "连衣裙", "外套", "凉鞋", "衬衫", "运动鞋", "包", "短靴")
    confusion = [[1000 if i == j else i for j in range(10)] for i in range(10)]
    lines = confusion_table(confusion, names=names, short=names).splitlines()
    assert display_width("T恤/上衣") == 8 and display_width("Bag") == 3
    assert len({display_width(line) for line in lines[1:]}) == 1, "\n".join(lines)
    assert all(line.startswith("  " + name) for name, line in zip(names, lines[2:], strict=True))


def test_translated_text_is_written_where_lupdate_can_see_it():
    """lupdate reads tr()/translate()/QT_TRANSLATE_NOOP calls with literal text; a helper such as
    `def _tr(text): return QCoreApplication.translate("Ctx", text)` hides every message passed to it
    from the catalogue, so the window would stay English. Write translate("Ctx", "…") instead."""
    helper = re.compile(r"def \w+\(\w+: str\) -> str:\n\s+return (QCoreApplication\.translate|\w+\.tr)\(")
    hidden = [str(path.relative_to(ROOT)) for path in (ROOT / "fashion_desktop").rglob("*.py")
              if helper.search(path.read_text(encoding="utf-8"))]
    assert not hidden, f"translation helpers that lupdate cannot see through: {hidden}"
