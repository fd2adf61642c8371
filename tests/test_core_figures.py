"""Every accuracy the README and the model card state, re-measured on the real data.

One source states the figures: `resources/model_card.json`, written by `fashion-desktop train`
with the weights. The README's "The shipped model" section must agree with it (checked here, so
neither can drift silently), and each figure is measured again through the command the README
names, `fashion-desktop evaluate --json --photo-like N`, and must be within a point (0.01) of
what is stated. Retrained weights come with their own card, so these tests need no edit then.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest

from fashion_desktop.cli import main
from fashion_desktop.training.model_card import read_card

ROOT = Path(__file__).resolve().parents[1]
POINT = 0.01  # "within a point" of the stated figure
CARD = read_card(ROOT / "resources" / "model_card.json") or {}
PHOTO_LIKE = CARD.get("photo_like", {})


def test_the_card_states_the_figures():
    """Without this the tests below would have nothing to hold."""
    assert 0.0 < CARD["test"]["accuracy"] <= 1.0 and len(CARD["test"]["per_class"]) == 10
    assert PHOTO_LIKE, "the card lists no photo-like figures: train with --photo-like N"
    assert all(0.0 < v["accuracy"] <= 1.0 and v["images"] > 0 for v in PHOTO_LIKE.values())
    assert 0.0 < CARD["training"]["validation_accuracy"] <= 1.0


@pytest.fixture(scope="module")
def evaluated(test_split) -> dict:
    """`fashion-desktop evaluate --json --photo-like N` on the shipped weights, as the README runs it."""
    count = max(v["images"] for v in PHOTO_LIKE.values())
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["evaluate", "--json", "--device", "cpu", "--photo-like", str(count)])
    assert code == 0
    report = json.loads(out.getvalue())
    assert report["weights"] == "shipped"
    return report


def test_test_accuracy_is_what_the_card_says(evaluated):
    stated = CARD["test"]["accuracy"]
    assert sum(map(sum, evaluated["confusion"])) == 10_000
    assert abs(evaluated["accuracy"] - stated) <= POINT, (evaluated["accuracy"], stated)


def test_test_loss_is_what_the_card_says(evaluated):
    """The card's "mean loss" on the test images (MODEL_CARD.md prints it beside the accuracy)."""
    assert abs(evaluated["loss"] - CARD["test"]["loss"]) <= POINT, (evaluated["loss"], CARD["test"]["loss"])


def test_per_class_accuracy_is_what_the_card_says(evaluated):
    for index, (measured, stated) in enumerate(zip(evaluated["per_class"], CARD["test"]["per_class"], strict=True)):
        assert abs(measured - stated) <= POINT, (index, measured, stated)


def test_every_photo_like_figure_is_measured(evaluated):
    """The card and the evaluate command know the same kinds: none stated but unmeasured, none new but unstated."""
    assert set(evaluated["photo_like"]) == set(PHOTO_LIKE)


@pytest.mark.parametrize("kind", sorted(PHOTO_LIKE))
def test_photo_like_accuracy_is_what_the_card_says(evaluated, kind):
    measured, stated = evaluated["photo_like"][kind], PHOTO_LIKE[kind]
    assert measured["images"] == stated["images"]
    assert abs(measured["accuracy"] - stated["accuracy"]) <= POINT, (kind, measured, stated)


def test_validation_accuracy_is_what_the_card_says(train_split):
    """The card's held-out figure (the images the best epoch was picked on), re-measured; for weights that
    learnt every training image (`--validation 0`), the figure the training curves showed: the first 5,000."""
    from fashion_desktop.network.model import load_model
    from fashion_desktop.training.loop import evaluate, split_validation

    recipe = CARD["training"]["recipe"]
    _tr_x, _tr_y, val_x, val_y = split_validation(train_split.images, train_split.labels, recipe["val_size"],
                                                  recipe["seed"])
    assert len(val_y) == recipe["val_size"]
    if not recipe["val_size"]:
        val_x, val_y = train_split.images[:5000], train_split.labels[:5000]
    model, _ = load_model()
    measured = evaluate(model, val_x, val_y).accuracy
    assert abs(measured - CARD["training"]["validation_accuracy"]) <= POINT


# ------------------------------------------------------------------ the README agrees with the card


def _section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    # up to the next heading of any level: subsections (sketches, familiarity) have tables of their own
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^#{{2,6}} |\Z)", text, re.DOTALL | re.MULTILINE)
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


def _table_figures(section: str) -> list[tuple[str, str]]:
    """(row label, figure as printed) for every table row whose last cell is an accuracy."""
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if len(cells) >= 2 and re.fullmatch(r"[01]\.\d+", cells[-1]):
            rows.append((cells[0], cells[-1]))
    return rows


def test_the_readmes_test_accuracy_is_the_cards():
    section = _section("The shipped model")
    stated = re.findall(r"\*\*Test accuracy (\d\.\d+)\*\*", section)
    assert stated, "the README's shipped-model section states no test accuracy"
    for printed in stated:
        assert float(printed) == round(CARD["test"]["accuracy"], len(printed) - 2), printed


def test_the_readmes_figures_table_is_the_cards():
    """Each accuracy in the README's table is one of the card's photo-like figures as printed, one for one."""
    rows = _table_figures(_section("The shipped model"))
    assert rows, "the README's shipped-model section has no table of figures"
    assert len(rows) == len(PHOTO_LIKE), (rows, sorted(PHOTO_LIKE))
    decimals = {len(printed) - 2 for _label, printed in rows}
    assert len(decimals) == 1
    places = decimals.pop()
    readme = sorted(printed for _label, printed in rows)
    card = sorted(f"{v['accuracy']:.{places}f}" for v in PHOTO_LIKE.values())
    assert readme == card, f"README {rows} vs card {PHOTO_LIKE}"


def test_the_readmes_image_count_is_the_cards():
    section = _section("The shipped model")
    counts = {int(n.replace(",", "")) for n in re.findall(r"--photo-like (\d[\d,]*)", section)}
    counts |= {int(n.replace(",", "")) for n in re.findall(r"the first (\d[\d,]*) test images", section)}
    assert counts == {v["images"] for v in PHOTO_LIKE.values()}


def test_the_tutorials_own_recipe_reaches_what_the_readme_says(train_split, test_split):
    """The README: the tutorial's recipe (SGD 0.001, batch 64, 10 epochs) "reaches about 0.71"; about = a point."""
    from fashion_desktop.network.model import NeuralNetwork
    from fashion_desktop.training.loop import evaluate, train
    from fashion_desktop.training.recipe import TrainConfig

    stated = re.search(r"tutorial's own recipe\s+reaches about (0\.\d+)", _section("The shipped model"))
    assert stated, "the README no longer states the tutorial recipe's accuracy: drop or change this test"
    result = train(train_split.images, train_split.labels, TrainConfig.tutorial())
    model = NeuralNetwork()
    model.load_state_dict(result.state_dict)
    measured = evaluate(model, test_split.images, test_split.labels).accuracy
    assert abs(measured - float(stated.group(1))) <= POINT, (measured, stated.group(1))
