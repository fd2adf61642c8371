"""build.py's step runner: a failing tool shows its last lines, Ctrl+C stops the whole tool tree.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))  # the build helpers live beside build.py, not in the app

from fdbuild import config  # noqa: E402
from fdbuild.runner import StepFailed, run  # noqa: E402

META = config.app_metadata()

# ------------------------------------------------------------------ the step runner

def test_failed_command_shows_its_last_lines(tmp_path):
    with pytest.raises(StepFailed, match="(?s)exit code 3.*boom"):
        run([sys.executable, "-c", "print('boom'); raise SystemExit(3)"], tmp_path / "log.txt")
    assert "boom" in (tmp_path / "log.txt").read_text()


@pytest.mark.skipif(os.name != "posix", reason="process groups")
def test_ctrl_c_stops_the_whole_child_process_tree(tmp_path):
    """Ctrl+C during a step must not leave PyInstaller or pip running in the background."""
    import signal
    import time

    pidfile = tmp_path / "pid"
    # Ctrl+C as from a terminal: pytest run as a background job (`cmd &`) inherits SIGINT ignored,
    # and a Python started with SIGINT ignored keeps ignoring it, so the child resets it first.
    script = ("import signal; signal.signal(signal.SIGINT, signal.default_int_handler)\n"
              f"import sys; sys.path.insert(0, {str(ROOT / 'packaging')!r})\n"
              "from pathlib import Path\nfrom fdbuild.runner import run\n"
              "try:\n"
              f"    run(['sh', '-c', 'echo $$ > {pidfile}; sleep 60 & sleep 60'], Path({str(tmp_path / 'log')!r}))\n"
              "except KeyboardInterrupt:\n    raise SystemExit(130)\n")
    child = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 30
    while not (pidfile.exists() and pidfile.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    group = int(pidfile.read_text())
    child.send_signal(signal.SIGINT)
    assert child.wait(30) == 130
    deadline = time.monotonic() + 15  # the orphaned `sleep` is reaped by init, not by us: give it a moment
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    pytest.fail(f"processes of group {group} still exist after Ctrl+C")


def test_spec_is_valid_python_and_uses_the_rules():
    source = (ROOT / "packaging" / "fashion_desktop.spec").read_text(encoding="utf-8")
    ast.parse(source)
    for needed in ("rules.PYTHON_EXCLUDES", "rules.trim", "upx=False", "console=False", "BUNDLE(",
                   "bundle_identifier=meta.app_id", "exclude_binaries=True"):
        assert needed in source
