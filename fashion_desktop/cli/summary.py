"""`fashion-desktop summary`: the device, print(model) and every parameter, as the tutorial prints them."""

from __future__ import annotations

import argparse
import json

from fashion_desktop import i18n
from fashion_desktop.cli import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    summary = sub.add_parser("summary", help=i18n.translate("CliHelp", "the device, print(model) and the parameter table"))
    summary.add_argument("--json", action="store_true")
    common.device_and_weights(summary)


def run(args: argparse.Namespace) -> int:
    from fashion_desktop.network.device import available_devices
    from fashion_desktop.network.introspect import parameter_table, total_parameters

    predictor = common.load_predictor(args)
    rows = parameter_table(predictor.model)
    if args.json:
        print(json.dumps({
            "device": str(predictor.device),
            "devices": [d.__dict__ for d in available_devices()],
            "model": str(predictor.model),
            "parameters": [{"name": r.name, "shape": list(r.shape), "count": r.count, "dtype": r.dtype,
                            "device": r.device, "bytes": r.bytes} for r in rows],
            "total_parameters": total_parameters(rows),
        }, indent=2))
        return common.EXIT_OK
    # The tutorial's own lines in English; under zh_CN the same lines in the Chinese tutorial's words.
    print(i18n.translate("Cli", "Using {device} device").format(device=predictor.device))
    print(i18n.translate("Cli", "Model structure: {model}").format(model=predictor.model) + "\n")
    for row in rows:
        print(i18n.translate("Cli", "Layer: {name} | Size: {shape} | {count:,} parameters, {bytes:,} bytes ({dtype}) "
                                    "| Values : {values} ").format(
            name=row.name, shape=list(row.shape), count=row.count, bytes=row.bytes, dtype=row.dtype,
            values=row.preview) + "\n")
    print(i18n.translate("Cli", "Total: {count:,} parameters").format(count=total_parameters(rows)))
    return common.EXIT_OK
