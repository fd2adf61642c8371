"""The goals of issue #5 checked against a report, and the readable table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Goal:
    """One goal: a figure, how it is compared, and the text the table shows."""

    name: str
    text: str
    value: Callable[[dict], float | None]  # what is compared (a ratio, a difference or a figure)
    limit: float
    at_least: bool = False

    def check(self, report: dict) -> tuple[float | None, bool | None]:
        try:
            value = self.value(report)
        except (KeyError, TypeError, ZeroDivisionError):
            return None, None
        if value is None:
            return None, None
        return value, (value >= self.limit if self.at_least else value <= self.limit)


def _p(report: dict, key: str, q: str = "p50") -> float:
    return report[key][q]


def _folder_predict(report: dict) -> float:
    """`predict` launched between the folder view's passes (seconds apart); else its own figure."""
    return report.get("folder_view_predict_images_per_s") or report["predict_images_per_s"]


GOALS: tuple[Goal, ...] = (
    # The window always asks for every stage's output at batch 1, so that is the path measured.
    Goal("forward", "forward with activations, as the window runs it, ≤ 1.3× its floor (p50)",
         lambda r: _p(r, "forward_hooks_us") / _p(r, "forward_floor_us"), 1.3),
    Goal("hooks", "activations add ≤ 20 % (p50)", lambda r: _p(r, "forward_hooks_us") / _p(r, "forward_us"), 1.2),
    Goal("stroke", "stroke-to-bars p95 ≤ 8 ms", lambda r: _p(r, "stroke_to_bars_ms", "p95"), 8.0),
    Goal("stroke_inside", "… with the activations panel and saliency on, p95 ≤ 16 ms (one frame)",
         lambda r: _p(r, "stroke_to_bars_inside_ms", "p95"), 16.0),
    Goal("stroke_map", "… with the Map view open, p95 ≤ 16 ms (one frame)",
         lambda r: _p(r, "stroke_to_bars_map_ms", "p95"), 16.0),
    Goal("stroke_training", "… while training runs, p95 ≤ 16 ms",
         lambda r: _p(r, "stroke_to_bars_training_ms", "p95"), 16.0),
    Goal("burst", "a burst of 200 requests costs ≤ 3 inferences", lambda r: r["burst_200_inferences"], 3),
    Goal("window", "window visible ≤ 0.6 s", lambda r: r["window_visible_s"], 0.6),
    Goal("window_floor", "window within 0.3 s of the empty-window floor",
         lambda r: r["window_visible_s"] - r["floor_empty_window_s"], 0.3),
    Goal("first_prediction", "first prediction ≤ import-torch floor + 0.8 s",
         lambda r: r["first_prediction_s"] - r["floor_import_torch_s"], 0.8),
    Goal("first_prediction_after_window", "first prediction ≤ 0.3 s after the window is visible",
         lambda r: r["first_prediction_after_window_s"], 0.3),
    Goal("predict", "predict ≥ 0.5× the decode floor",
         lambda r: r["predict_images_per_s"] / r["floor_decode_images_per_s"], 0.5, at_least=True),
    Goal("folder_view", "the folder view ≥ 1× predict on the same files (its processes running)",
         lambda r: r["folder_view_images_per_s"] / _folder_predict(r), 1.0, at_least=True),
    Goal("epoch", "an epoch ≤ 1.3× its floor", lambda r: r["epoch_s"] / r["floor_epoch_s"], 1.3),
    Goal("epoch_app", "an epoch in the app ≤ 1.1× the CLI's", lambda r: r["epoch_app_s"] / r["epoch_s"], 1.1),
    Goal("rss_growth", "RSS growth after 10,000 inferences ≤ 10 MB", lambda r: r["rss_growth_10k_mb"], 10.0),
    Goal("rss", "GUI RSS ≤ the torch floor + 150 MB", lambda r: r["rss_mb"] - r["floor_torch_rss_mb"], 150.0),
    Goal("map_pca", "Map: PCA of 10,000 test images from nothing ≤ 0.5 s", lambda r: r["map_pca_s"], 0.5),
    Goal("map_cached", "Map: a cached map read back ≤ 0.5 s", lambda r: r["map_cached_s"], 0.5),
    Goal("map_open", "Map: shown ≤ 0.5 s after the view opens (in the window)", lambda r: r["map_shown_after_open_s"], 0.5),
    Goal("map_tsne", "Map: t-SNE of 10,000 at the second ReLU ≤ 60 s", lambda r: r["map_tsne_s"], 60.0),
    Goal("map_agreement", "Map: t-SNE 10-neighbour class agreement ≥ 0.85",
         lambda r: r["map_tsne_knn_agreement"], 0.85, at_least=True),
)


def goals(report: dict) -> dict[str, dict]:
    """{name: {"goal", "value", "met"}} for the JSON report; unmeasured goals have met = None."""
    out = {}
    for goal in GOALS:
        value, met = goal.check(report)
        out[goal.name] = {"goal": goal.text, "value": value, "met": met}
    return out


def _fmt(value: object, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return f"{value['p50']:.3g} / {value['p95']:.3g}{unit} (p50/p95)"
    if isinstance(value, float):
        return f"{value:.3g}{unit}"
    return f"{value}{unit}"


ROWS: tuple[tuple[str, str, str | None, str], ...] = (
    # (label, key, floor key, unit)
    ("forward, batch 1", "forward_us", "forward_floor_us", " µs"),
    ("forward with activations", "forward_hooks_us", "forward_floor_us", " µs"),
    ("stroke → bars repainted", "stroke_to_bars_ms", None, " ms"),
    ("  with activations + saliency", "stroke_to_bars_inside_ms", None, " ms"),
    ("  with the Map view open", "stroke_to_bars_map_ms", None, " ms"),
    ("  while training", "stroke_to_bars_training_ms", None, " ms"),
    ("burst of 200 requests", "burst_200_inferences", None, " inferences"),
    ("window visible", "window_visible_s", "floor_empty_window_s", " s"),
    ("first prediction", "first_prediction_s", "floor_import_torch_s", " s"),
    ("  after the window is visible", "first_prediction_after_window_s", None, " s"),
    ("predict, {files} files", "predict_images_per_s", "floor_decode_images_per_s", " images/s"),
    ("folder view, the same files", "folder_view_images_per_s", "folder_view_predict_images_per_s", " images/s"),
    ("  its processes not started", "folder_view_cold_images_per_s", "folder_view_predict_images_per_s", " images/s"),
    ("  their start", "folder_view_pool_start_s", None, " s"),
    ("training epoch (CLI)", "epoch_s", "floor_epoch_s", " s"),
    ("training epoch (in the app)", "epoch_app_s", "floor_epoch_s", " s"),
    ("  + the panel's test-set pass", "epoch_app_test_s", None, " s"),
    ("GUI resident memory", "rss_mb", "floor_torch_rss_mb", " MB"),
    ("growth over 10,000 inferences", "rss_growth_10k_mb", None, " MB"),
    ("map: PCA from nothing", "map_pca_s", "map_floor_activations_s", " s"),
    ("map: read from the cache", "map_cached_s", None, " s"),
    ("map: shown after opening the view", "map_shown_after_open_s", None, " s"),
    ("map: place the drawing", "map_place_us", "map_floor_place_us", " µs"),
    ("map: t-SNE, second ReLU", "map_tsne_s", None, " s"),
    ("map: t-SNE neighbour agreement", "map_tsne_knn_agreement", None, ""),
)


def table(report: dict) -> str:
    """Figures with their floors and ratios, then each goal met or missed."""
    lines = [f"Machine: {report.get('machine', '?')}", f"Device: {report.get('device', '?')}"]
    for label, key in (("Window figures from", "window_platform"), ("Disk cache", "disk_cache"),
                       ("predict's files", "predict_inputs")):
        if report.get(key):
            lines.append(f"{label}: {report[key]}")
    lines.append("")
    rows = [(label.replace("{files}", f"{report.get('predict_files', 0):,}"), *rest) for label, *rest in ROWS]
    width = max(len(label) for label, *_ in rows)
    for label, key, floor, unit in rows:
        value = report.get(key)
        text = f"{label:<{width}}  {_fmt(value, unit)}"
        if floor and report.get(floor) is not None and value is not None:
            v = value["p50"] if isinstance(value, dict) else value
            f = report[floor]["p50"] if isinstance(report[floor], dict) else report[floor]
            text += f"   floor {_fmt(report[floor], unit)}   ratio {v / f:.2f}"
        lines.append(text)
    for key, title in (("stroke_stages_ms", "stroke stages"),
                       ("stroke_stages_inside_ms", "  with activations + saliency")):
        stages = report.get(key)
        if stages:
            lines.append(f"{title:<{width}}  " + ", ".join(
                f"{name} {value['p50']:.2g}/{value['p95']:.2g}" for name, value in stages.items()) + " ms (p50/p95)")
    lines.append("")
    for row in report.get("goals", {}).values():
        mark = {True: "met   ", False: "MISSED", None: "—     "}[row["met"]]
        value = "" if row["value"] is None else f"  ({row['value']:.3g})"
        lines.append(f"  {mark} {row['goal']}{value}")
    return "\n".join(lines)
