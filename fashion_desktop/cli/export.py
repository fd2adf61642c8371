"""`fashion-desktop export [--format F] [--weights FILE] OUT`: the network for other tools.

ONNX, a `torch.export` program (.pt2), safetensors or the tutorial's state_dict; the format comes
from --format or OUT's suffix. The file is checked against the live model before it is kept
(`network/export.py`); a refused export exits 1 with the reason and leaves OUT as it was.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fashion_desktop import i18n
from fashion_desktop.cli import common

FORMATS = ("onnx", "pt2", "safetensors", "state_dict")  # kept torch-free so --help is instant


def add_parser(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export", help=i18n.translate("CliHelp", "write the network as ONNX, .pt2, safetensors or a state_dict"))
    export.add_argument("out", type=Path, metavar="OUT", help=i18n.translate(
        "CliHelp", "the file to write (its suffix picks the format)"))
    export.add_argument("--format", choices=FORMATS,
                        help=i18n.translate(
                            "CliHelp", "onnx, pt2 (torch.export), safetensors or state_dict (.pth); default: from OUT"))
    export.add_argument("--weights", type=Path, help=i18n.translate(
        "CliHelp", "a state_dict (.pth/.pt/.safetensors); default: the shipped one"))
    export.add_argument("--json", action="store_true", help=i18n.translate("CliHelp", "print what was written as one JSON object"))
    common.quiet_option(export)


def run(args: argparse.Namespace) -> int:
    from fashion_desktop.network.export import SUFFIXES, export_model, format_for_path
    from fashion_desktop.network.model import load_model

    fmt = args.format or format_for_path(args.out)
    if fmt is None:
        common.say(i18n.translate("Cli", "cannot tell the format from '{name}': pass --format ({formats}) or end the "
                                         "name in {suffixes}.").format(
            name=args.out.name, formats=", ".join(FORMATS), suffixes=", ".join(SUFFIXES.values())))
        return common.EXIT_USAGE
    model, loaded = load_model(args.weights)
    for note in loaded.notes:
        common.say(i18n.translate("Cli", "note: {note}").format(note=note))
    source = "the shipped weights" if args.weights is None else f"{loaded.path.name} (sha256 {loaded.sha256})"
    steps = {"exporting": i18n.translate("Cli", "exporting as {format}…").format(format=fmt),
             "checking": i18n.translate("Cli", "checking it against the live model…")}
    result = export_model(model, args.out, fmt, source=source,
                          on_step=lambda step: common.stage(args, steps.get(step, step)))
    if args.json:
        print(json.dumps({"path": str(result.path), "format": result.format, "bytes": result.size_bytes,
                          "max_difference": result.max_difference, "checked_images": result.checked_images,
                          "seconds": round(result.seconds, 3), "exporter": result.exporter}, indent=2))
    else:
        print(i18n.translate("Cli", "{path}: {format}, {bytes:,} bytes; reproduces the live model on {images} images, "
                                    "largest difference {difference:.2g} ({exporter}).").format(
            path=result.path, format=result.format, bytes=result.size_bytes, images=result.checked_images,
            difference=result.max_difference, exporter=result.exporter))
    return common.EXIT_OK
