"""`fashion-desktop summary`: the device, print(model) and every parameter, as the tutorial prints them."""

from __future__ import annotations

import argparse
import json

from fashion_desktop.cli import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    summary = sub.add_parser("summary", help="the device, print(model) and the parameter table")
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
    print(f"Using {predictor.device} device")
    print(f"Model structure: {predictor.model}\n")
    for row in rows:
        print(f"Layer: {row.name} | Size: {list(row.shape)} | {row.count:,} parameters, {row.bytes:,} bytes "
              f"({row.dtype}) | Values : {row.preview} \n")
    print(f"Total: {total_parameters(rows):,} parameters")
    return common.EXIT_OK
