"""`fashion-desktop map`: its JSON contract, the picture, the cache, usage errors (small slices of the test set)."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from fashion_desktop.cli import main


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Maps are cached in the per-user data folder: keep the tests' out of the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("FASHION_DESKTOP_APP_DATA", str(tmp_path / "appdata"))


def test_map_prints_its_figures_writes_the_picture_and_caches_the_map(test_split, tmp_path, capsys):
    out = tmp_path / "map.png"
    code = main(["map", "--stage", "relu1", "--limit", "300", "--device", "cpu", "--json", "--out", str(out)])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert {"stage", "method", "n", "seconds", "knn_agreement"} <= set(report)
    assert (report["stage"], report["method"], report["n"]) == ("relu1", "pca", 300)
    assert 0.0 <= report["knn_agreement"] <= 1.0 and report["seconds"] >= 0 and not report["from_cache"]
    with Image.open(out) as picture:
        assert picture.size[0] > picture.size[1] >= 400  # the map and its legend
    main(["map", "--stage", "relu1", "--limit", "300", "--device", "cpu", "--json"])
    again = json.loads(capsys.readouterr().out)
    assert again["from_cache"] and again["knn_agreement"] == report["knn_agreement"]


def test_tsne_of_a_slice_separates_the_trained_networks_classes_better_than_the_untrained(test_split, capsys):
    pytest.importorskip("openTSNE")
    main(["map", "--method", "tsne", "--limit", "500", "--device", "cpu", "--json", "--threads", "1"])
    trained = json.loads(capsys.readouterr().out)
    main(["map", "--method", "tsne", "--limit", "500", "--device", "cpu", "--json", "--threads", "1", "--untrained"])
    untrained = json.loads(capsys.readouterr().out)
    assert trained["method"] == "tsne" and trained["n"] == 500
    assert trained["knn_agreement"] > untrained["knn_agreement"]
    assert trained["weights_key"] != untrained["weights_key"]


@pytest.mark.parametrize("argv", [["map", "--stage", "relu9"], ["map", "--method", "umap-ish"],
                                  ["map", "--limit", "3"]])
def test_map_usage_errors_exit_2(argv, capsys):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    assert code == 2
