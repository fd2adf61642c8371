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


@pytest.mark.parametrize("diagonal", [100, 1000])
def test_the_confusion_matrix_shows_class_names(diagonal):
    confusion = [[diagonal if i == j else i + j for j in range(10)] for i in range(10)]
    lines = confusion_table(confusion).splitlines()
    assert lines[1].split() == list(SHORT_NAMES)  # each heading stands apart ("T-shirtTrouser" did not)
    for line, row in zip(lines[2:], confusion, strict=True):
        assert [int(v) for v in line.split()[-10:]] == row
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


def test_photo_like_renderings_report_progress_without_changing_them():
    import numpy as np

    from fashion_desktop.images.photo_like import prepared_set

    images = (np.arange(60 * 28 * 28) % 251).astype(np.uint8).reshape(60, 28, 28)
    seen: list[int] = []
    with_progress = prepared_set("photo", images, seed=3, progress=seen.append)
    assert seen == [25, 50, 60]  # it moves within a kind: 2,000 renderings take minutes
    assert np.array_equal(with_progress, prepared_set("photo", images, seed=3))


class _Bar:
    """Records what a command's progress bar is told."""

    def __init__(self):
        self.total, self.updates, self.closed = 1, [], False

    def update(self, done, suffix="", eta_s=None):
        self.updates.append((done, self.total, suffix))

    def close(self, message=""):
        self.closed = True


def test_evaluate_says_what_it_draws_and_shows_the_sketches_progress():
    import numpy as np

    from fashion_desktop.cli.evaluate import flag_rates, sketch_accuracy
    from fashion_desktop.network.familiarity import familiarity_for
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model

    model, loaded = load_model(None)
    predictor = Predictor(model, "cpu", familiarity_for(None, loaded.sha256))
    notes: list[str] = []
    flag_rates(predictor, np.zeros((4, 28, 28), np.uint8), 1, 1, note=notes.append)
    assert len(notes) == 2 and "non-garments" in notes[0] and "sketches" in notes[1]
    bar = _Bar()
    sketch_accuracy(predictor, 10, bar=bar)
    assert [done for done, _total, _suffix in bar.updates] == [0, 1, 2, 3, 4] and bar.updates[-1][1] == 4
    assert bar.closed


@pytest.mark.slow
def test_train_says_what_it_prepares_and_is_quiet_when_asked(train_split, test_split, tmp_path):
    base = [sys.executable, "-m", "fashion_desktop", "train", "--epochs", "1", "--subset", "300", "--threads", "1",
            "--no-familiarity", "--no-card", "--photo-like", "0", "--sketches", "0", "--device", "cpu"]
    talkative = subprocess.run([*base, "--out", str(tmp_path / "a.pth")], capture_output=True, text=True, timeout=600)
    assert talkative.returncode == 0, talkative.stderr
    assert "making sketches of the 270 training images" in talkative.stderr
    assert "Training 1 epoch on 270 images" in talkative.stderr  # not "1 epochs"
    assert "training " in talkative.stderr and "100.0%" in talkative.stderr  # the bar's last line on a pipe
    quiet = subprocess.run([*base, "--quiet", "--out", str(tmp_path / "b.pth")], capture_output=True, text=True,
                           timeout=600)
    assert quiet.returncode == 0, quiet.stderr
    assert "making sketches" not in quiet.stderr and "100.0%" not in quiet.stderr
    assert "epoch   1:" in quiet.stderr and "Saved" in quiet.stderr  # the results are still said


def test_the_bench_report_counts_cores_and_threads_in_the_right_plural(monkeypatch):
    import torch

    from fashion_desktop.bench import machine

    before = torch.get_num_threads()
    monkeypatch.setattr(machine.os, "cpu_count", lambda: 1)
    try:
        torch.set_num_threads(1)
        one = machine.describe()
        torch.set_num_threads(2)
        two = machine.describe()
    finally:
        torch.set_num_threads(before)
    assert "1 core," in one and "(1 thread)" in one
    assert "(2 threads)" in two


def test_the_photo_like_bar_moves_steadily_to_its_end():
    import types

    import numpy as np

    from fashion_desktop.cli.evaluate import photo_like_accuracy
    from fashion_desktop.images.photo_like import KINDS
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model

    test = types.SimpleNamespace(images=(np.arange(30 * 28 * 28) % 251).astype(np.uint8).reshape(30, 28, 28),
                                 labels=np.zeros(30, np.int64))
    bar = _Bar()
    out = photo_like_accuracy(Predictor(load_model(None)[0], "cpu"), test, 30, bar=bar)
    steps = [done for done, _total, _suffix in bar.updates]
    assert steps == sorted(steps) and steps[-1] == bar.total == len(KINDS) * 30 and bar.closed
    assert len(steps) > 2 * len(KINDS)  # within each kind, not only between kinds
    assert set(out) == {"raw", *KINDS}


@pytest.mark.parametrize(("flags", "talks"), [([], True), (["--json"], False), (["--quiet"], False)])
def test_the_bench_says_what_it_measures_unless_json_goes_to_a_pipe(monkeypatch, capsys, flags, talks):
    from fashion_desktop.bench import report, run

    def fake_bench(quick, device, progress):
        progress("timing the stroke")
        return {"figures": []}

    monkeypatch.setattr(run, "run_bench", fake_bench)
    monkeypatch.setattr(report, "table", lambda _report: "the table")
    assert main(["bench", "--quick", *flags]) == 0
    err = capsys.readouterr().err  # stderr is not a terminal here, as in a script
    assert ("bench: timing the stroke…" in err) is talks


@pytest.mark.slow
def test_map_shows_the_tsne_bar_but_not_into_a_json_pipe(test_split, tmp_path):
    base = [sys.executable, "-m", "fashion_desktop", "map", "--method", "tsne", "--limit", "120", "--threads", "1",
            "--cache-dir", str(tmp_path), "--no-cache", "--device", "cpu"]
    talkative = subprocess.run(base, capture_output=True, text=True, timeout=600)
    piped_json = subprocess.run([*base, "--json"], capture_output=True, text=True, timeout=600)
    assert talkative.returncode == piped_json.returncode == 0, talkative.stderr + piped_json.stderr
    assert "t-SNE of 120 images" in talkative.stderr
    assert piped_json.stderr == "" and json.loads(piped_json.stdout)["n"] == 120
