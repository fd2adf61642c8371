#!/usr/bin/env python3
"""Run the frozen app's --self-test from each Linux installer, unpacked into a temporary folder.

Why: the self-test in build.py runs the bundle PyInstaller wrote; this proves what users get —
the .deb's payload (unpacked with `dpkg-deb -x`, never installed into the system) and the .tar.gz
— still starts, finds its weights and classifies the samples. Used by .ci/run.

    python packaging/check_installers.py [dist]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import run_self_test  # noqa: E402

from fdbuild import config  # noqa: E402
from fdbuild.runner import StepFailed  # noqa: E402


def newest(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime)
    if not found:
        raise StepFailed(f"no {pattern} in {folder}; run python packaging/build.py first")
    return found[-1]


def check_deb(deb: Path, tmp: Path) -> dict:
    root = tmp / "deb"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return run_self_test(root / config.INSTALL_DIR.lstrip("/") / config.EXE_NAME)


def check_tarball(tarball: Path, tmp: Path) -> dict:
    root = tmp / "tar"
    with tarfile.open(tarball) as tar:
        tar.extractall(root, **({"filter": "tar"} if hasattr(tarfile, "tar_filter") else {}))
    top = next(root.iterdir())
    return run_self_test(top / config.EXE_NAME / config.EXE_NAME)


def main(argv: list[str]) -> int:
    dist = Path(argv[0]) if argv else config.DIST
    meta = config.app_metadata()
    failures = 0
    for kind, pattern, check in (("deb", f"{config.EXE_NAME}_{meta.version}_*.deb", check_deb),
                                 ("tar.gz", f"{config.EXE_NAME}-{meta.version}-linux-*.tar.gz", check_tarball)):
        tmp = Path(tempfile.mkdtemp(prefix=f"fd-check-{kind.replace('.', '')}-"))
        try:
            package = newest(dist, pattern)
            verdict = check(package, tmp)
            print(f"{package.name}: {verdict['summary']} (wall {verdict['wall_s']} s)", flush=True)
        except (StepFailed, subprocess.CalledProcessError, OSError) as exc:
            failures += 1
            print(f"{kind}: FAILED: {exc}", file=sys.stderr, flush=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
