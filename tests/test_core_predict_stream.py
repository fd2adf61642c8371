"""`predict` decodes in processes, skips torch where the CPU is the device, and keeps its contract."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from fashion_desktop.cli import main
from fashion_desktop.images.samples import list_samples


@pytest.fixture
def many(tmp_path):
    """The shipped samples copied a few times, with two bad files among them (enough for the pool)."""
    samples = [s.path for s in list_samples()]
    assert samples
    paths = []
    for i in range(3 * len(samples)):
        path = tmp_path / f"{i:03d}{samples[i % len(samples)].suffix}"
        shutil.copyfile(samples[i % len(samples)], path)
        paths.append(path)
    (tmp_path / "bad.png").write_text("not an image")
    paths.insert(5, tmp_path / "bad.png")
    paths.append(tmp_path / "missing.png")
    return paths


def _run(capsys, *args):
    code = main(["predict", "--json", *args])
    out = capsys.readouterr().out
    return code, out, json.loads(out)


def test_streamed_json_is_the_same_text_as_one_dump_and_in_input_order(many, capsys):
    code, out, rows = _run(capsys, "--device", "cpu", *map(str, many))
    assert code == 1  # two files fail; the others are still answered
    assert out == json.dumps(rows, indent=2) + "\n"
    assert [r["path"] for r in rows] == list(map(str, many))
    assert "error" in rows[5] and "error" in rows[-1]
    assert sum("error" in r for r in rows) == 2


def test_the_numpy_path_answers_what_torch_answers(many, capsys, monkeypatch):
    from fashion_desktop.cli import predict_rows

    _code, _out, quick = _run(capsys, "--device", "cpu", *map(str, many))
    monkeypatch.setattr(predict_rows, "numpy_evaluator", lambda _args: None)  # force the torch path
    _code, _out, slow = _run(capsys, "--device", "cpu", *map(str, many))
    assert [r.get("label") for r in quick] == [r.get("label") for r in slow]
    for a, b in zip(quick, slow):
        if "error" not in a:
            assert np.allclose(list(a["probabilities"].values()), list(b["probabilities"].values()), atol=1e-5)


def test_predict_on_the_cpu_never_imports_torch(many):
    code = ("import sys\nfrom fashion_desktop.cli import main\n"
            f"code = main(['predict', '--quiet', '--device', 'cpu', *{list(map(str, many[:6]))!r}])\n"
            "assert 'torch' not in sys.modules, 'torch was imported'\nsys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr  # bad.png is among them
    assert done.stdout.count("\n") == 6 and "bad.png: error:" in done.stdout


def test_predict_leaves_numpy_one_blas_thread(many):
    """Spinning BLAS threads took a core from the decoding processes (fashion_desktop/blas_threads.py)."""
    code = ("import json, sys\nimport numpy\nfrom threadpoolctl import threadpool_info\n"
            "def blas(): return [i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas']\n"
            "before = blas()\nfrom fashion_desktop.cli import main\n"
            f"main(['predict', '--quiet', '--device', 'cpu', *{list(map(str, many[:6]))!r}])\n"
            "print(json.dumps([before, blas()]), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "2"})
    before, after = json.loads(done.stderr.strip().splitlines()[-1])
    assert before and set(before) == {2}  # numpy's BLAS starts with two threads here
    assert set(after) == {1}
