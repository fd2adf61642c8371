"""The command line's contracts: JSON shapes, exit codes, and the other files still answered."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
import torch
from PIL import Image

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.cli import main
from fashion_desktop.network.model import NeuralNetwork


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "garment.png"
    image = np.zeros((64, 64), np.uint8)
    image[8:56, 20:44] = 220
    Image.fromarray(image).save(good)
    text = tmp_path / "notes.png"
    text.write_text("not an image")
    blank = tmp_path / "blank.png"
    Image.new("L", (30, 30), 255).save(blank)
    return good, text, tmp_path / "missing.jpg", blank


def test_predict_json_contract(files, capsys):
    good, text, missing, blank = files
    code = main(["predict", "--json", "--device", "cpu", str(good), str(text), str(missing), str(good), str(blank)])
    rows = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [r["path"] for r in rows] == [str(good), str(text), str(missing), str(good), str(blank)]
    ok = rows[0]
    assert set(ok) == {"path", "label", "index", "confidence", "probabilities", "familiar", "familiarity",
                       "calibrated_confidence", "label_localized"}
    assert ok["label_localized"] == ok["label"]  # English here; zh_CN: test_translations.py
    assert isinstance(ok["familiar"], bool) and 0 <= ok["familiarity"] <= 1
    assert ok["familiar"] == (ok["familiarity"] >= 0.5)
    assert 0.1 <= ok["calibrated_confidence"] <= 1
    assert list(ok["probabilities"]) == list(CLASS_NAMES)
    assert sum(ok["probabilities"].values()) == pytest.approx(1, abs=1e-4)
    assert ok["label"] == CLASS_NAMES[ok["index"]] and ok["confidence"] == max(ok["probabilities"].values())
    assert rows[3] == ok
    assert set(rows[1]) == {"path", "error"} and "not an image" in rows[1]["error"]
    assert "no such file" in rows[2]["error"]
    assert "nothing to classify" in rows[4]["error"]


def test_predict_all_good_exits_zero(files, capsys):
    assert main(["predict", str(files[0])]) == 0
    assert ": " in capsys.readouterr().out


def test_predict_with_wrong_weights(files, tmp_path, capsys):
    bad = tmp_path / "bad.pth"
    torch.save({"w": torch.zeros(3)}, bad)
    assert main(["predict", "--weights", str(bad), str(files[0])]) == 1
    assert "does not fit" in capsys.readouterr().err


def test_predict_with_own_weights(files, tmp_path, capsys):
    path = tmp_path / "mine.pth"
    torch.save(NeuralNetwork().state_dict(), path)
    assert main(["predict", "--json", "--weights", str(path), str(files[0])]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert row["label"] in CLASS_NAMES
    assert row["familiar"] is None and row["familiarity"] is None  # no familiarity fitted for these weights


def test_usage_error_exit_code():
    proc = subprocess.run([sys.executable, "-m", "fashion_desktop", "predict"], capture_output=True, text=True)
    assert proc.returncode == 2 and "usage" in proc.stderr


def test_summary_json(capsys):
    assert main(["summary", "--json", "--device", "cpu"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["total_parameters"] == 669_706 and report["device"] == "cpu"
    assert "(linear_relu_stack): Sequential(" in report["model"]


def test_summary_prints_like_the_tutorial(capsys):
    assert main(["summary", "--device", "cpu"]) == 0
    out = capsys.readouterr().out
    assert "Using cpu device" in out and "Model structure: NeuralNetwork(" in out
    assert "Layer: linear_relu_stack.0.weight | Size: [512, 784]" in out and "669,706" in out


def test_evaluate_json(test_split, capsys):
    assert main(["evaluate", "--json", "--device", "cpu"]) == 0
    report = json.loads(capsys.readouterr().out)
    confusion = np.array(report["confusion"])
    assert confusion.shape == (10, 10) and confusion.sum() == 10_000 and report["weights"] == "shipped"
    # The figures agree with the matrix they come from (the figures themselves: test_core_figures.py).
    assert report["accuracy"] == pytest.approx(np.trace(confusion) / 10_000)
    assert report["per_class"] == pytest.approx((np.diag(confusion) / confusion.sum(1)).tolist())
    assert report["flagged_unfamiliar"]["test_images"]["share"] <= 0.02  # real garments are rarely flagged


def test_evaluate_scores_clip_art_per_style_and_class(test_split, capsys):
    assert main(["evaluate", "--json", "--device", "cpu", "--clip-art", "20", "--quiet"]) == 0
    clip = json.loads(capsys.readouterr().out)["clip_art"]
    from fashion_desktop.images.clip_art import STYLES

    assert list(clip["styles"]) == list(STYLES) and clip["per_class_count"] == 2
    for style, score in clip["styles"].items():
        assert score["images"] == 20 and set(score["per_class"]) == set(CLASS_NAMES)
        assert score["strict"] == pytest.approx(np.mean(list(score["per_class"].values())))
        assert score["strict"] <= score["tops_as_one"]
        assert clip["facing"][style]["images"] == 6  # sandals, sneakers, boots drawn facing right too
    assert main(["evaluate", "--device", "cpu", "--clip-art", "20", "--quiet"]) == 0
    assert "Clip-art (2 per class and style):" in capsys.readouterr().out


def test_train_small_subset_learns_and_writes_atomically(train_split, tmp_path, capsys):
    out = tmp_path / "w.pth"
    code = main(["train", "--subset", "3000", "--epochs", "3", "--out", str(out), "--photo-like", "40",
                 "--sketches", "0", "--sketch-p", "0.3", "--drawings", "20", "--device", "cpu", "--seed", "1",
                 "--validation", "200"])
    assert code == 0
    card = json.loads((tmp_path / "model_card.json").read_text())
    assert card["test"]["accuracy"] > 0.6  # chance is 0.1
    # the held-out images pick the epoch and fit the familiarity; `calibrate` reads their number back from here
    assert card["training"]["recipe"]["val_size"] == 200
    # The card is where the figures tests read the photo-like figures from: every kind, as measured.
    from fashion_desktop.images.photo_like import KINDS

    assert set(card["photo_like"]) == {"raw", *KINDS}
    assert all(v["images"] == 40 and 0 <= v["accuracy"] <= 1 for v in card["photo_like"].values())
    assert card["training"]["recipe"]["seed"] == 1 and card["data"]["sha256_uncompressed"]
    assert (tmp_path / "MODEL_CARD.md").read_text().startswith("# Model card")
    NeuralNetwork().load_state_dict(torch.load(out, weights_only=True))
    assert card["familiarity"]["temperature"] > 0 and card["training"]["recipe"]["sketch_p"] == 0.3
    assert card["training"]["recipe"]["drawn_per_class"] == 20  # --drawings: fewer garment drawings, a faster start
    assert sorted(p.name for p in tmp_path.iterdir()) == ["MODEL_CARD.md", "model_card.json", "w.familiarity.npz",
                                                          "w.pth"]


@pytest.mark.parametrize("count", ["-1", "60000"])
def test_train_refuses_a_validation_count_that_leaves_nothing(train_split, tmp_path, capsys, count):
    code = main(["train", "--validation", count, "--epochs", "1", "--out", str(tmp_path / "w.pth"), "--device", "cpu"])
    assert code == 2 and "--validation" in capsys.readouterr().err
    assert not (tmp_path / "w.pth").exists()


def test_train_with_a_teacher_records_it_in_the_card(train_split, tmp_path):
    """The shipped weights were distilled: the card names the teacher by checksum and by the command that made it."""
    from fashion_desktop.resources import resource_path

    teacher = resource_path("model_weights.pth")
    out = tmp_path / "w.pth"
    code = main(["train", "--subset", "2000", "--epochs", "1", "--out", str(out), "--photo-like", "0", "--sketches",
                 "0", "--no-familiarity", "--teacher", str(teacher), "--drawings", "20", "--device", "cpu"])
    assert code == 0
    card = json.loads((tmp_path / "model_card.json").read_text())
    shipped = json.loads(resource_path("model_card.json").read_text())
    recorded = card["training"]["teacher"]
    assert recorded["sha256"] == shipped["weights"]["sha256"] and recorded["command"] == shipped["training"]["command"]
    from fashion_desktop.training.recipe import TrainConfig

    assert card["training"]["recipe"]["distill"] == TrainConfig.shipped().distill
    assert "Distilled from the teacher" in (tmp_path / "MODEL_CARD.md").read_text()


@pytest.mark.parametrize("argv, expected", [
    ([], []),
    (["gui", "--open", "shirt.png"], ["--open", "shirt.png"]),
    (["--open", "shirt.png", "--device", "cpu"], ["--open", "shirt.png", "--device", "cpu"]),
    (["shirt.png"], ["shirt.png"]),  # a file manager's "Open with" passes the file alone
])
def test_window_arguments_reach_the_window(monkeypatch, tmp_path, argv, expected):
    import fashion_desktop.gui.app as app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "shirt.png").write_bytes(b"")  # a bare name opens the window only when it is a file
    seen = []
    monkeypatch.setattr(app, "main", lambda args, prog: seen.append(args) or 0)
    assert main(argv) == 0 and seen == [expected]
