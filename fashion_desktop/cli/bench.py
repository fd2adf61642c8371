"""`fashion-desktop bench`: what users feel, each figure next to a floor from the same run."""

from __future__ import annotations

import argparse
import json

from fashion_desktop import i18n
from fashion_desktop.cli import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    bench = sub.add_parser("bench", help=i18n.translate(
        "CliHelp", "measure latency, start-up, throughput, training and memory against "
                   "floors measured in the same run"))
    bench.add_argument("--json", action="store_true", help=i18n.translate("CliHelp", "one JSON object (figures, floors, goals)"))
    bench.add_argument("--quick", action="store_true", help=i18n.translate(
        "CliHelp", "fewer rounds, no training figures (a minute or two)"))
    common.device_option(bench)
    common.quiet_option(bench)


def run(args: argparse.Namespace) -> int:
    from fashion_desktop.bench.report import table
    from fashion_desktop.bench.run import run_bench

    # what it measures now, on stderr; quiet with --quiet or --json on a pipe, as every command
    report = run_bench(args.quick, args.device, progress=lambda m: common.stage(args, f"bench: {m}…"))
    print(json.dumps(report, indent=2) if args.json else table(report))
    return common.EXIT_OK
