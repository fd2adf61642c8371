#!/usr/bin/env python3
"""Build Fashion Desktop's installers for this OS with one command: `python packaging/build.py`.

Steps: check the resources → make (or reuse) a clean venv with CPU-only torch → install the app
into it → icons → PyInstaller (packaging/fashion_desktop.spec) → check the bundle → run the frozen
app's --self-test → the installers (Linux: .deb and .tar.gz; Windows: Inno Setup; macOS: .dmg).
The onedir lands in build/bundle/, installers in dist/, logs in build/logs/, and a summary of
sizes and timings in build/build-summary.json. Ctrl+C stops cleanly at any point.

Runs with any Python 3.10+ and only the standard library; everything else happens in the venv.
See packaging/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform as platform_module
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fdbuild import bundle_resources, config, rules, venv  # noqa: E402
from fdbuild.runner import Progress, StepFailed, human_size, install_sigterm_as_interrupt, run  # noqa: E402

VENV = config.BUILD / "venv"
BUNDLE_DIST = config.BUILD / "bundle"
WORK = config.BUILD / "pyinstaller"
LOGS = config.BUILD / "logs"
ICONS = config.BUILD / "icons"
SUMMARY = config.BUILD / "build-summary.json"
SELF_TEST_TIMEOUT_S = 300


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build Fashion Desktop's installers for this OS.")
    parser.add_argument("--weights", type=Path, help="bundle this model_weights.pth instead of resources/'s")
    parser.add_argument("--python", default=sys.executable, help="the Python that creates the build venv")
    parser.add_argument("--torch-index", metavar="URL", default=os.environ.get("FASHION_DESKTOP_TORCH_INDEX"),
                        help="extra package index for the CPU torch wheel, e.g. https://download.pytorch.org/whl/cpu "
                             "(needed on Linux unless the +cpu wheel is in pip's find-links)")
    parser.add_argument("--reuse-venv", action="store_true", help="use build/venv as it is, without checking it")
    parser.add_argument("--reuse-bundle", action="store_true",
                        help="skip PyInstaller and package the bundle already in build/bundle")
    parser.add_argument("--no-self-test", action="store_true", help="do not run the frozen app's --self-test")
    parser.add_argument("--no-installers", action="store_true", help="stop after the bundle")
    parser.add_argument("--clean", action="store_true", help="delete the build venv and bundle first")
    parser.add_argument("--verbose", "-v", action="store_true", help="show the tools' output as they run")
    return parser.parse_args(argv)


def bundle_root(meta: config.AppMeta, target: str) -> Path:
    """The folder that holds the executable (Contents/MacOS inside the .app on macOS)."""
    if target == "macos":
        return BUNDLE_DIST / f"{meta.name}.app" / "Contents" / "MacOS"
    return BUNDLE_DIST / config.EXE_NAME


def executable(meta: config.AppMeta, target: str) -> Path:
    return bundle_root(meta, target) / (config.EXE_NAME + (".exe" if target == "windows" else ""))


def folder_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


# ------------------------------------------------------------------ steps

def check_resources(args, progress: Progress) -> None:
    plan = bundle_resources.plan(config.RESOURCES, args.weights)  # raises MissingResource
    for warning in plan.warnings:
        progress.say(f"      warning: {warning}")
    progress.say(f"      {len(plan.datas)} files, {human_size(plan.total_bytes)}")


def prepare_venv(args, progress: Progress) -> Path:
    reqs = venv.requirements()
    wanted = venv.fingerprint(reqs, args.python, args.torch_index)
    if args.reuse_venv and venv.venv_python(VENV).exists():
        progress.say(f"      reusing {VENV} as it is (--reuse-venv)")
    elif venv.is_current(VENV, wanted):
        progress.say(f"      {VENV} is up to date; reused")
    else:
        progress.say(f"      creating {VENV}: {', '.join(reqs)}")
        venv.remove(VENV)
        try:
            for number, command in enumerate(venv.create_commands(VENV, reqs, args.python, args.torch_index)):
                run(command, LOGS / f"venv-{number}.log", verbose=args.verbose, what="making the build venv")
        except BaseException:
            venv.remove(VENV)  # never leave a half-made venv that looks reusable
            raise
        venv.write_stamp(VENV, wanted)
    python = venv.venv_python(VENV)
    check = subprocess.run([str(python), "-c", "import torch, sys; print(torch.__version__); "
                            "sys.exit(0 if torch.version.cuda is None else 3)"], capture_output=True, text=True)
    if check.returncode != 0:
        raise StepFailed("the build venv's torch is not a CPU-only build "
                         f"({check.stdout.strip()} {check.stderr[-300:]}); run with --clean")
    progress.say(f"      torch {check.stdout.strip()} (CPU only)")
    return python


def install_app(python: Path, args) -> None:
    run([python, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--force-reinstall",
         "--disable-pip-version-check", str(config.REPO)], LOGS / "install-app.log", verbose=args.verbose,
        what="installing Fashion Desktop into the build venv")


def make_icons(python: Path, args) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run([python, config.PACKAGING / "fdbuild" / "icons.py", ICONS], LOGS / "icons.log", verbose=args.verbose,
        env=env, what="making the icons")


def freeze(python: Path, args) -> None:
    command = [python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", BUNDLE_DIST, "--workpath", WORK, config.PACKAGING / "fashion_desktop.spec",
               "--", "--icons", ICONS, "--report", config.BUILD / "trim-report.json"]
    if args.weights:
        command += ["--weights", args.weights.resolve()]
    run(command, LOGS / "pyinstaller.log", verbose=args.verbose, what="PyInstaller", cwd=config.REPO)


def check_bundle(meta, target: str, progress: Progress, summary: dict) -> None:
    root = bundle_root(meta, target) if target != "macos" else BUNDLE_DIST / f"{meta.name}.app"
    exe = executable(meta, target)
    if not exe.is_file():
        raise StepFailed(f"PyInstaller made no executable at {exe}")
    internal = root / "_internal" if target != "macos" else root / "Contents" / "Frameworks"
    problems = [f"{path} is in the bundle" for path in ("torchvision", "torch/test", "torch/include")
                if (internal / path).exists()]
    if not (internal / "resources" / bundle_resources.WEIGHTS).is_file() and target != "macos":
        problems.append("the weights are not in the bundle")
    for name in rules.QT_MODULES_KEPT[:7]:
        if not any(internal.glob(f"PySide6/{name}.*")):
            problems.append(f"PySide6.{name} is missing (pyqtgraph needs it)")
    if problems:
        raise StepFailed("the bundle is wrong: " + "; ".join(problems))
    size = folder_bytes(root)
    summary["bundle_bytes"] = size
    biggest = sorted(((folder_bytes(p) if p.is_dir() else p.stat().st_size, p.name) for p in internal.iterdir()
                      if not p.is_symlink()), reverse=True)[:6]
    progress.say(f"      {root}: {human_size(size)} (largest: "
                 + ", ".join(f"{name} {human_size(b)}" for b, name in biggest) + ")")
    if target == "linux":
        from fdbuild import linux

        deps = linux.unresolved_dependencies(bundle_root(meta, target))
        summary["symbols"] = deps["symbols"]
        if deps["missing"]:
            raise StepFailed("the bundle needs libraries no Depends entry provides: "
                             + ", ".join(f"{so} ({pkg})" for so, pkg in deps["missing"].items())
                             + " — add the packages to fdbuild/linux.py DEPENDS")
        if deps["unknown"]:
            progress.say("      warning: not on this machine, so not checked against Depends: "
                         + ", ".join(deps["unknown"]))
        progress.say("      every library the bundle needs from the OS is in Depends: "
                     + ", ".join(linux.versioned_depends(deps["symbols"])) + ", …")


def self_test(meta, target: str, progress: Progress, summary: dict) -> None:
    verdict = run_self_test(executable(meta, target))
    summary["self_test"] = verdict
    progress.say(f"      {verdict.get('summary', verdict)}")


def run_self_test(exe: Path, timeout: float = SELF_TEST_TIMEOUT_S) -> dict:
    """Run `exe --self-test` offscreen with throwaway settings; returns its JSON verdict or raises."""
    with tempfile.TemporaryDirectory(prefix="fd-selftest-") as tmp:
        out = Path(tmp) / "verdict.json"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_CACHE_HOME=tmp,
                   FASHION_DESKTOP_SELF_TEST_OUT=str(out))
        started = time.perf_counter()
        try:
            done = subprocess.run([str(exe), "--self-test"], env=env, capture_output=True, text=True,
                                  timeout=timeout, errors="replace")
        except subprocess.TimeoutExpired as exc:
            raise StepFailed(f"{exe} --self-test did not finish in {timeout:.0f} s") from exc
        text = out.read_text(encoding="utf-8") if out.is_file() else ""
        try:
            verdict = json.loads(text) if text else {}
        except ValueError:
            verdict = {}
        if done.returncode != 0 or not verdict.get("ok"):
            raise StepFailed(f"{exe} --self-test failed (exit code {done.returncode}):\n"
                             f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        verdict["wall_s"] = round(time.perf_counter() - started, 2)
        return verdict


def linux_installers(meta, args, progress: Progress, summary: dict) -> list[Path]:
    from fdbuild import linux

    bundle = bundle_root(meta, "linux")
    symbols = summary.get("symbols") or linux.unresolved_dependencies(bundle)["symbols"]
    made = []
    with progress.step("Making the .deb (dpkg-deb)"):
        deb = linux.build_deb(bundle, config.RESOURCES / "icons", meta, config.BUILD, config.DIST, symbols=symbols)
        progress.say(f"      {deb} ({human_size(deb.stat().st_size)})")
        made.append(deb)
    with progress.step("Making the .tar.gz"):
        tarball = linux.build_tarball(bundle, config.RESOURCES / "icons", meta,
                                      config.PACKAGING / "linux" / "install.sh", config.DIST,
                                      platform_module.machine())
        progress.say(f"      {tarball} ({human_size(tarball.stat().st_size)})")
        made.append(tarball)
    with progress.step("Validating the .desktop file and the package"):
        validate_linux(deb, meta, progress)
    return made


def validate_linux(deb: Path, meta, progress: Progress) -> None:
    from fdbuild import linux

    with tempfile.TemporaryDirectory(prefix="fd-validate-") as tmp:
        desktop = Path(tmp) / f"{meta.app_id}.desktop"
        desktop.write_text(linux.desktop_entry(meta), encoding="utf-8")
        if shutil.which("desktop-file-validate"):
            done = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
            if done.returncode != 0 or done.stdout.strip():
                raise StepFailed(f"desktop-file-validate: {done.stdout}{done.stderr}")
            progress.say("      desktop-file-validate: no errors or warnings")
        else:
            progress.say("      warning: desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    names = {line.split(None, 5)[-1].split(" -> ")[0].rstrip("/") for line in listing.splitlines()}
    wanted = [f"./usr/bin/{config.EXE_NAME}", f"./usr/share/applications/{meta.app_id}.desktop",
              f".{config.INSTALL_DIR}/{config.EXE_NAME}",
              f"./usr/share/icons/hicolor/256x256/apps/{meta.icon_name}.png"]
    absent = [w for w in wanted if w not in names]
    if absent:
        raise StepFailed(f"{deb} lacks {', '.join(absent)}")
    progress.say(f"      {len(listing.splitlines()):,} entries; launcher, .desktop, icons and app present")


def windows_installer(meta, args, progress: Progress) -> list[Path]:
    from fdbuild import windows

    iscc = windows.find_iscc()
    if iscc is None:
        progress.skip("Inno Setup installer", "ISCC.exe not found; install Inno Setup 6 and run again")
        return []
    with progress.step("Making the installer (Inno Setup)"):
        run([iscc, f"/DAppVersion={meta.version}", f"/DAppName={meta.name}", f"/DAppId={meta.app_id}",
             f"/DBundleDir={bundle_root(meta, 'windows')}", f"/DIconFile={ICONS / 'fashion-desktop.ico'}",
             f"/DOutputDir={config.DIST}", config.PACKAGING / "windows" / "fashion_desktop.iss"],
            LOGS / "inno-setup.log", verbose=args.verbose, what="Inno Setup")
        made = sorted(config.DIST.glob(f"FashionDesktop-{meta.version}-setup*.exe"))
        for path in made:
            progress.say(f"      {path} ({human_size(path.stat().st_size)})")
    return made


def macos_installer(meta, args, progress: Progress) -> list[Path]:
    from fdbuild import macos

    with progress.step("Making the .dmg (hdiutil; sign and notarize as packaging/README.md says)"):
        dmg = macos.make_dmg(BUNDLE_DIST / f"{meta.name}.app", meta, config.DIST, platform_module.machine())
        progress.say(f"      {dmg} ({human_size(dmg.stat().st_size)})")
    return [dmg]


def count_steps(args, target: str) -> int:
    installers = {"linux": 3, "windows": 1, "macos": 1}[target]
    return 7 + (0 if args.no_installers else installers)


def build(args) -> int:
    target = config.platform_tag()
    meta = config.app_metadata()
    progress = Progress(count_steps(args, target))
    summary: dict = {"version": meta.version, "platform": target, "started": time.strftime("%Y-%m-%dT%H:%M:%S")}
    started = time.perf_counter()
    progress.say(f"Building {meta.name} {meta.version} for {target} ({platform_module.machine()})")
    if args.clean:
        for path in (VENV, BUNDLE_DIST, WORK):
            shutil.rmtree(path, ignore_errors=True)

    with progress.step("Checking the resources"):
        check_resources(args, progress)
    with progress.step("Preparing the build venv (CPU-only torch)"):
        python = prepare_venv(args, progress)
    if args.reuse_bundle and executable(meta, target).is_file():
        progress.skip("Installing the app into the venv", "--reuse-bundle")
        progress.skip("Making the icons", "--reuse-bundle")
        progress.skip("Freezing with PyInstaller", "--reuse-bundle")
    else:
        with progress.step("Installing the app into the venv"):
            install_app(python, args)
        with progress.step("Making the icons (.ico, .icns)"):
            make_icons(python, args)
        with progress.step("Freezing with PyInstaller (several minutes)"):
            try:
                freeze(python, args)
            except BaseException:
                shutil.rmtree(BUNDLE_DIST, ignore_errors=True)  # a half bundle must not be packaged later
                raise
    with progress.step("Checking the bundle"):
        check_bundle(meta, target, progress, summary)
    if args.no_self_test:
        progress.skip("Self-test of the frozen app", "--no-self-test")
    else:
        with progress.step("Self-test of the frozen app (offscreen)"):
            self_test(meta, target, progress, summary)

    made: list[Path] = []
    if not args.no_installers:
        made = {"linux": linux_installers, "windows": windows_installer, "macos": macos_installer}[target](
            *((meta, args, progress, summary) if target == "linux" else (meta, args, progress)))
    summary["installers"] = {p.name: p.stat().st_size for p in made}
    summary["timings_s"] = {title: round(t, 1) for title, t in progress.timings}
    summary["total_s"] = round(time.perf_counter() - started, 1)
    SUMMARY.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    progress.say(f"Done in {summary['total_s'] / 60:.1f} min. Bundle: {human_size(summary['bundle_bytes'])}"
                 + "".join(f"; {name}: {human_size(size)}" for name, size in summary["installers"].items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    install_sigterm_as_interrupt()
    try:
        return build(args)
    except bundle_resources.MissingResource as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    except StepFailed as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nCancelled. Partial outputs were removed; the build venv is kept only if it was complete.",
              file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
