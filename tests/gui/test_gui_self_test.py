"""`--self-test`, the smoke test every installer build runs on the frozen app, run here from source.

The first test uses the shipped weights and samples, exactly as a bundle does. The others use a
stand-in resources folder (found through `sys._MEIPASS`, as in a bundle) so the verdict's logic —
pass, wrong answers, unloadable weights, the verdict file — is tested without the real model.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 300


def run_self_test(tmp_path: Path, *args: str, meipass: Path | None = None, extra_env: dict | None = None):
    """Run the self-test in a fresh interpreter; returns (exit code, verdict dict, output)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path),
               **(extra_env or {}))
    if meipass is None:
        command = [sys.executable, str(ROOT / "main.py"), "--self-test", *args]
    else:  # what PyInstaller's bootloader does: resources are looked up under sys._MEIPASS
        code = (f"import sys; sys._MEIPASS = {str(meipass)!r}\n"
                "from fashion_desktop.gui.self_test import main\n"
                f"sys.exit(main({list(args)!r}))\n")
        command = [sys.executable, "-c", code]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    verdict = json.loads(lines[-1]) if lines else {}
    return done.returncode, verdict, done.stdout + done.stderr


def test_self_test_from_source_classifies_every_shipped_sample(tmp_path):
    from fashion_desktop.images.samples import list_samples

    code, verdict, output = run_self_test(tmp_path, "--device", "cpu")
    assert code == 0 and verdict["ok"], output
    samples = list_samples()
    assert verdict["samples"] == len(samples) > 0, "resources/samples/ must ship samples"
    assert {r["expected"] for r in verdict["results"]} == {s.label for s in samples}
    assert verdict["model"]["shipped_weights"] and verdict["model"]["parameters"] == 669_706
    assert verdict["errors"] == [] and not verdict["frozen"]


@pytest.fixture(scope="module")
def stand_in_resources(tmp_path_factory):
    """A resources/ folder with untrained weights and samples named by what those weights predict.

    So every sample is "correct" for these weights, and the self-test's pass path runs without the
    real model; other weights then get them wrong, which is the failure path.
    """
    import numpy as np
    import torch
    from PIL import Image, ImageDraw

    from fashion_desktop.images.preprocess import open_image, prepare_image
    from fashion_desktop.images.samples import sample_name
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import NeuralNetwork, load_model, save_weights

    root = tmp_path_factory.mktemp("bundle")
    resources = root / "resources"
    (resources / "samples").mkdir(parents=True)
    torch.manual_seed(7)
    digest = save_weights(NeuralNetwork(), resources / "model_weights.pth")
    card = {"weights": {"file": "model_weights.pth", "sha256": digest}}  # the shipped weights need their card
    (resources / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    predictor = Predictor(load_model(resources / "model_weights.pth")[0], "cpu")
    scratch = root / "scratch.png"
    for i in range(6):
        image = Image.new("L", (28, 28), 0)
        ImageDraw.Draw(image).rectangle((4 + i, 3, 20 + i % 3, 24 - i), fill=200 + 9 * i)
        image.save(scratch)
        predicted = predictor.predict(prepare_image(open_image(scratch)).pixels).index
        image.save(resources / "samples" / sample_name(predicted, i))
    scratch.unlink()
    torch.manual_seed(8)
    save_weights(NeuralNetwork(), root / "other_weights.pth")
    assert np.isfinite(predictor.predict(np.zeros((28, 28), np.float32)).probabilities).all()
    return root


def test_self_test_passes_and_writes_the_verdict_file(tmp_path, stand_in_resources):
    out = tmp_path / "verdict.json"
    code, verdict, output = run_self_test(tmp_path, meipass=stand_in_resources,
                                          extra_env={"FASHION_DESKTOP_SELF_TEST_OUT": str(out)})
    assert code == 0 and verdict["ok"], output
    assert verdict["samples"] == verdict["correct"] == 6
    assert json.loads(out.read_text()) == verdict  # for windowed Windows builds, which have no stdout
    assert all(r["inference_ms"] >= 0 for r in verdict["results"])


def test_self_test_fails_when_the_samples_are_misclassified(tmp_path, stand_in_resources):
    code, verdict, output = run_self_test(tmp_path, "--weights", str(stand_in_resources / "other_weights.pth"),
                                          meipass=stand_in_resources)
    # The stand-in weights are seeded, so this precondition is fixed, not luck: fail loudly if it changes.
    assert verdict.get("correct", 0) < 0.9 * verdict.get("samples", 1), "stand-in weights agree with the samples"
    assert code == 1 and verdict["ok"] is False, output


def test_self_test_fails_when_the_weights_cannot_load(tmp_path, stand_in_resources):
    code, verdict, output = run_self_test(tmp_path, "--weights", str(tmp_path / "missing.pth"),
                                          meipass=stand_in_resources)
    assert code == 1 and verdict["ok"] is False, output
    assert any("missing.pth" in e for e in verdict["errors"])


def test_self_test_fails_when_no_samples_are_bundled(tmp_path, stand_in_resources):
    """An installer whose samples went missing must not pass: zero samples classified is a failure."""
    import shutil

    bundle = tmp_path / "bundle"
    shutil.copytree(stand_in_resources / "resources", bundle / "resources")
    for sample in (bundle / "resources" / "samples").iterdir():
        sample.unlink()
    code, verdict, output = run_self_test(tmp_path, meipass=bundle)
    assert code == 1 and verdict.get("ok") is False, output
    assert verdict["samples"] == 0 and any("no samples" in e for e in verdict["errors"])
    assert verdict["model"]["parameters"] == 669_706  # everything else worked: only the samples were missing
