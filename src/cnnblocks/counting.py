"""Parameter and FLOP counts measured from real modules, never typed in by hand."""
from __future__ import annotations

from typing import Any


def torch_params(module: Any, trainable_only: bool = False) -> int:
    """Number of parameters of a PyTorch module (buffers such as BN running stats excluded)."""
    return sum(p.numel() for p in module.parameters() if p.requires_grad or not trainable_only)


def keras_params(model: Any) -> int:
    """``model.count_params()``: all weights, non-trainable BN moving statistics included."""
    return int(model.count_params())


def torch_flops(module: Any, *inputs: Any) -> int:
    """FLOPs of one forward pass measured by ``torch.utils.flop_counter`` (a multiply-add is 2 FLOPs).

    The counter covers convolutions and matrix products (the operations that dominate CNN cost);
    elementwise ops such as ReLU, BN and additions are not counted.
    """
    import torch
    from torch.utils.flop_counter import FlopCounterMode

    was_training = module.training
    module.eval()
    try:
        with torch.no_grad(), FlopCounterMode(display=False) as counter:
            module(*inputs)
    finally:
        module.train(was_training)
    return int(counter.get_total_flops())


def human(n: float) -> str:
    """``1_234_567 -> '1.23M'``, for figure labels."""
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if abs(n) >= scale:
            return f"{n / scale:.3g}{unit}"
    return f"{n:.3g}"
