"""What a newcomer meets on the command line: usage errors, progress, readable tables and messages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.cli import main
from fashion_desktop.cli.common import program_name
from fashion_desktop.cli.predict import error_line
from fashion_desktop.cli.tables import SHORT_NAMES, confusion_table


@pytest.mark.parametrize("command", [["predict", "x.png"], ["summary"], ["evaluate"], ["bench"], ["train"]])
def test_a_name_that_is_not_a_device_is_a_usage_error(command, capsys):
    with pytest.raises(SystemExit) as stop:
        main([*command, "--device", "tpu"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "'tpu' is not a device" in err and "cuda:N" in err and "mps" in err


@pytest.mark.hardware  # skips where CUDA is present: nothing absent to ask for
def test_an_absent_but_real_device_still_falls_back_with_a_notice(capsys, tmp_path):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU: cuda is not absent here")
    assert main(["summary", "--device", "cuda", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["device"] == "cpu"
    assert "using the CPU" in captured.err


def test_cpu_thread_count_is_said_with_the_right_plural():
    import torch

    from fashion_desktop.network.device import available_devices

    before = torch.get_num_threads()
    try:
        torch.set_num_threads(1)
        assert available_devices()[0].description == "CPU (1 thread)"
        torch.set_num_threads(2)
        assert available_devices()[0].description == "CPU (2 threads)"
    finally:
        torch.set_num_threads(before)


def test_a_missing_file_names_its_path_once(tmp_path, capsys):
    missing = tmp_path / "nope.png"
    assert main(["predict", str(missing)]) == 1
    line = capsys.readouterr().out.strip()
    assert line == f"{missing}: error: no such file."
    assert error_line("x.png", "x.png is empty (0 bytes).") == "x.png: error: it is empty (0 bytes)."
    assert error_line("x.png", "Nothing to classify.") == "x.png: error: Nothing to classify."


def test_missing_shipped_weights_say_the_installation_is_incomplete(monkeypatch, tmp_path):
    from fashion_desktop.errors import WeightsError
    from fashion_desktop.network import model

    monkeypatch.setattr(model, "default_weights_path", lambda: tmp_path / "model_weights.pth")
    with pytest.raises(WeightsError, match="shipped weights are missing.*installation is incomplete"):
        model.load_model(None)


@pytest.mark.parametrize(("argv0", "name"), [("/usr/bin/fashion-desktop", "fashion-desktop"),
                                              ("C:\\venv\\Scripts\\fashion-desktop-cli.exe", "fashion-desktop-cli"),
                                              ("/x/fashion_desktop/__main__.py", "python -m fashion_desktop")])
def test_help_and_errors_use_the_name_that_was_typed(argv0, name):
    assert program_name(argv0.replace("\\", "/")) == name


def test_the_cli_script_names_itself(tmp_path):
    import shutil

    script = shutil.which("fashion-desktop-cli")
    if script is None:
        pytest.fail("the fashion-desktop-cli console script is not installed: pip install -e . first")
    done = subprocess.run([script, "predict", str(tmp_path / "nope.png")], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1
    usage = subprocess.run([script, "predict", "--device", "tpu", "x.png"], capture_output=True, text=True,
                           timeout=120)
    assert usage.returncode == 2 and usage.stderr.startswith("usage: fashion-desktop-cli predict")


def test_the_confusion_matrix_shows_class_names():
    confusion = [[100 if i == j else i + j for j in range(10)] for i in range(10)]
    lines = confusion_table(confusion).splitlines()
    assert all(short in lines[1] for short in SHORT_NAMES)
    for name, line in zip(CLASS_NAMES, lines[2:], strict=True):
        assert line.strip().startswith(name)
    assert len({s for s in SHORT_NAMES}) == 10 and max(map(len, lines)) <= 100


@pytest.mark.slow
def test_evaluate_shows_progress_on_stderr_and_is_quiet_when_asked(test_split):
    base = [sys.executable, "-m", "fashion_desktop", "evaluate", "--device", "cpu", "--photo-like", "20"]
    talkative = subprocess.run(base, capture_output=True, text=True, timeout=600)
    assert talkative.returncode == 0, talkative.stderr
    assert "scoring 10,000 test images" in talkative.stderr and "photo-like" in talkative.stderr
    assert "100.0%" in talkative.stderr  # the bar's last line, printed even when stderr is a pipe
    assert "Trouser" in talkative.stdout.split("Confusion matrix")[1]
    quiet = subprocess.run([*base, "--quiet"], capture_output=True, text=True, timeout=600)
    piped_json = subprocess.run([*base, "--json"], capture_output=True, text=True, timeout=600)
    assert quiet.returncode == piped_json.returncode == 0
    assert quiet.stderr == "" and piped_json.stderr == ""
    assert json.loads(piped_json.stdout)["photo_like"]["raw"]["images"] == 20
