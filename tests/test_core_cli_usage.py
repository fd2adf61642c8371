"""The command line says what went wrong: a mistyped command, or no display to open the window on.

Both used to start the window, which on a machine without a display died inside Qt ("could not
load the Qt platform plugin", abort). These run the real entry point in a child process with no
display in its environment, as over SSH or in a container.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fashion_desktop.cli import main
from fashion_desktop.gui.display import missing_display

ROOT = Path(__file__).resolve().parents[1]
DISPLAY_VARS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def run_without_display(args: list[str], cwd: Path, entry: list[str] | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARS}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["FASHION_DESKTOP_APP_DATA"] = str(cwd / "appdata")
    command = entry or [sys.executable, "-m", "fashion_desktop"]
    return subprocess.run([*command, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_a_mistyped_command_suggests_the_right_one(tmp_path):
    done = run_without_display(["exprot", "x"], tmp_path)
    assert done.returncode == 2, done.stderr
    assert "unknown command 'exprot'" in done.stderr and "did you mean 'export'?" in done.stderr
    assert done.stdout == "" and "qt" not in done.stderr.lower()


@pytest.mark.parametrize("word, suggestion", [("trian", "'train'"), ("predcit", "'predict'"),
                                              ("downlaod", "'download-data'"), ("summery", "'summary'"),
                                              ("exprot", "'export'"), ("export-sample", "'export-samples'")])
def test_close_misspellings_get_the_command_they_meant(capsys, tmp_path, monkeypatch, word, suggestion):
    monkeypatch.chdir(tmp_path)
    assert main([word]) == 2
    err = capsys.readouterr().err
    assert f"unknown command '{word}'" in err and f"did you mean {suggestion}" in err


def test_a_word_like_no_command_lists_the_commands(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["xyzzy"]) == 2
    err = capsys.readouterr().err
    assert "unknown command 'xyzzy'" in err and "predict" in err and "download-data" in err


def test_a_missing_picture_is_named_as_a_missing_file(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["shirt.jpg"]) == 2
    assert "no such file: 'shirt.jpg'" in capsys.readouterr().err


@pytest.mark.parametrize("args", [[], ["gui"], ["--open", "shirt.png"]])
def test_the_window_without_a_display_says_so_in_one_line(tmp_path, args):
    done = run_without_display(args, tmp_path)
    assert done.returncode == 2, done.stderr  # not Qt's abort (-6)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0], done.stderr
    assert "xvfb-run" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]


def test_main_py_without_a_display_says_so_too(tmp_path):
    done = run_without_display([], tmp_path, entry=[sys.executable, str(ROOT / "main.py")])
    assert done.returncode == 2 and "no display" in done.stderr, done.stderr


def test_commands_need_no_display(tmp_path):
    done = run_without_display(["download-data", "--help"], tmp_path)
    assert done.returncode == 0 and "SHA-256" in done.stdout, done.stderr


@pytest.mark.parametrize("env, qt_args, platform, ok", [
    ({"DISPLAY": ":0"}, [], "linux", True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, [], "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, [], "linux", True),
    ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, [], "linux", True),
    ({"QT_QPA_PLATFORM": "wayland;offscreen"}, [], "linux", True),
    ({}, ["-platform", "minimal"], "linux", True),
    ({}, [], "win32", True),
    ({}, [], "darwin", True),
    ({}, [], "linux", False),
    ({"QT_QPA_PLATFORM": "xcb"}, [], "linux", False),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, [], "freebsd14", False),
    ({"DISPLAY": ""}, [], "linux", False),
])
def test_which_environments_have_a_display(env, qt_args, platform, ok):
    assert (missing_display(qt_args, env=env, platform=platform) is None) == ok


@pytest.mark.parametrize("args", [["--device", "tpu"], ["gui", "--device", "tpu"]])
def test_the_window_refuses_a_name_that_is_not_a_device(tmp_path, args):
    """As the commands do: exit 2 with the choices, before any window (or the lack of a display) is considered."""
    done = run_without_display(args, tmp_path)
    assert done.returncode == 2, done.stderr
    assert "'tpu' is not a device" in done.stderr and "cuda:N" in done.stderr
    usage = "usage: python -m fashion_desktop gui" if args[0] == "gui" else "usage: python -m fashion_desktop"
    assert done.stderr.startswith(usage) and "no display" not in done.stderr


def test_the_window_says_no_display_in_the_name_that_was_typed(tmp_path):
    done = run_without_display([], tmp_path)
    assert done.returncode == 2 and done.stderr.startswith("python -m fashion_desktop: no display"), done.stderr
