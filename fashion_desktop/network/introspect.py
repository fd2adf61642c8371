"""The model as plain data: the layer tree and the parameter table, for the CLI and the panels."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn


@dataclass(frozen=True)
class LayerNode:
    """One module: qualified name ('' for the root), type, settings, output shape, parameters."""

    name: str
    type_name: str
    extra_repr: str
    output_shape: tuple[int, ...]
    parameters: int
    children: list[LayerNode] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class ParameterInfo:
    """One named parameter, as `named_parameters()` shows it in the tutorial."""

    name: str
    shape: tuple[int, ...]
    count: int
    dtype: str
    device: str
    bytes: int
    preview: str  # str(param[:2]), as the tutorial prints it
    preview_values: np.ndarray  # param[:2] as numbers (at most 2 rows)


@torch.inference_mode()
def _output_shapes(model: nn.Module, sample: torch.Tensor) -> dict[str, tuple[int, ...]]:
    shapes: dict[str, tuple[int, ...]] = {}
    handles = []
    for name, module in model.named_modules():
        def hook(_m, _i, out, name=name):
            shapes[name] = tuple(out.shape)
        handles.append(module.register_forward_hook(hook))
    try:
        model(sample)
    finally:
        for handle in handles:
            handle.remove()
    return shapes


def layer_tree(model: nn.Module, input_shape: tuple[int, ...] = (1, 28, 28)) -> LayerNode:
    """The module hierarchy as `print(model)` shows it, with output shapes for `input_shape`."""
    device = next(model.parameters()).device
    shapes = _output_shapes(model, torch.zeros(input_shape, device=device))

    def build(name: str, module: nn.Module) -> LayerNode:
        children = [build(f"{name}.{child}" if name else child, sub) for child, sub in module.named_children()]
        return LayerNode(
            name=name,
            type_name=type(module).__name__,
            extra_repr=module.extra_repr(),
            output_shape=shapes.get(name, ()),
            parameters=sum(p.numel() for p in module.parameters()),
            children=children,
        )

    return build("", model)


def parameter_table(model: nn.Module) -> list[ParameterInfo]:
    """Every parameter: name, size, dtype, device, bytes and the tutorial's `param[:2]` preview."""
    rows = []
    for name, param in model.named_parameters():
        head = param.detach()[:2].cpu()
        rows.append(ParameterInfo(
            name=name,
            shape=tuple(param.shape),
            count=param.numel(),
            dtype=str(param.dtype).removeprefix("torch."),
            device=str(param.device),
            bytes=param.numel() * param.element_size(),
            preview=str(head),
            preview_values=head.numpy().copy(),
        ))
    return rows


def total_parameters(rows: list[ParameterInfo]) -> int:
    return sum(row.count for row in rows)
