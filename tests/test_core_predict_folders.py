"""`predict` on folders and as CSV: every picture answered, damaged ones with their reason."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from fashion_desktop.answers import CSV_HEADER
from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.cli import main
from fashion_desktop.images.samples import list_samples


@pytest.fixture
def folder(tmp_path):
    samples = list_samples()
    for sample in samples[:3]:
        shutil.copyfile(sample.path, tmp_path / sample.path.name)
    (tmp_path / "sub").mkdir()
    shutil.copyfile(samples[5].path, tmp_path / "sub" / samples[5].path.name)
    (tmp_path / "damaged.png").write_bytes(samples[4].path.read_bytes()[:200])
    (tmp_path / "letter.jpg").write_text("not a picture")
    (tmp_path / "notes.txt").write_text("passed over: not a picture by name")
    return tmp_path, samples


def read_csv(text):
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def test_predict_csv_on_a_folder(folder, capsys):
    path, samples = folder
    code = main(["predict", "--csv", "--device", "cpu", str(path)])
    captured = capsys.readouterr()
    header, rows = read_csv(captured.out)
    assert code == 1  # a damaged file is an error, but the others are answered
    assert tuple(header) == CSV_HEADER
    names = [r["path"].rsplit("/", 1)[-1] for r in rows]
    assert names == sorted([s.path.name for s in samples[:3]] + ["damaged.png", "letter.jpg"], key=str.casefold)
    by_name = dict(zip(names, rows))
    for sample in samples[:3]:
        row = by_name[sample.path.name]
        probs = [float(row[name]) for name in CLASS_NAMES]
        assert sum(probs) == pytest.approx(1, abs=1e-4)
        assert row["label"] == CLASS_NAMES[int(row["index"])] == sample.label  # shipped samples are classified right
        assert float(row["confidence"]) == max(probs) and row["error"] == ""
    assert "damaged" in by_name["damaged.png"]["error"] and by_name["damaged.png"]["label"] == ""
    assert "not an image" in by_name["letter.jpg"]["error"]
    assert "passed over 1 file" in captured.err


def test_predict_recursive_and_json_agree_with_csv(folder, capsys):
    path, samples = folder
    main(["predict", "--json", str(path)])
    flat = json.loads(capsys.readouterr().out)
    assert main(["predict", "--json", "--recursive", str(path)]) == 1
    deep = json.loads(capsys.readouterr().out)
    assert len(deep) == len(flat) + 1 and deep[-1]["path"].endswith("sub/" + samples[5].path.name)
    main(["predict", "--csv", "-r", str(path)])
    _header, rows = read_csv(capsys.readouterr().out)
    assert [r["path"] for r in rows] == [r["path"] for r in deep]
    for row, answer in zip(rows, deep):
        if "label" in answer:
            assert row["label"] == answer["label"]
            assert float(row["confidence"]) == pytest.approx(answer["confidence"], rel=1e-5)


def test_an_empty_folder_says_so(tmp_path, capsys):
    assert main(["predict", "--csv", str(tmp_path)]) == 1
    assert "no pictures found" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:  # one output format at a time
        main(["predict", "--csv", "--json", str(tmp_path)])
    assert usage.value.code == 2
