"""Parameter and FLOP counts measured from real modules, never typed in by hand."""
from __future__ import annotations

from typing import Any


def torch_params(module: Any, trainable_only: bool = False) -> int:
    """Number of parameters of a PyTorch module (buffers such as BN running stats excluded).

    Counted from the modules' own parameter tables (``cnnblocks.checks.count_parameters``): a class that
    overrides ``parameters()`` cannot change the count a test cell reads."""
    from .checks import count_parameters

    return count_parameters(module, trainable_only, "torch_params")


def keras_params(model: Any, trainable_only: bool = False) -> int:
    """What ``model.count_params()`` gives: all weights, non-trainable BN moving statistics included
    (``trainable_only``: the size of ``model.trainable_weights``).

    Counted from the values in Keras' own variable lists (``cnnblocks.checks.count_keras_params``): a layer
    class that overrides ``count_params``, ``weights`` or ``trainable_weights`` cannot change the count."""
    from .checks import count_keras_params

    return count_keras_params(model, trainable_only, "keras_params")


def torch_flops(module: Any, *inputs: Any) -> int:
    """FLOPs of one forward pass measured by ``torch.utils.flop_counter`` (a multiply-add is 2 FLOPs).

    The counter covers convolutions and matrix products (the operations that dominate CNN cost);
    elementwise ops such as ReLU, BN and additions are not counted.
    """
    import torch
    from torch.utils.flop_counter import FlopCounterMode

    from .checks import modules_of, set_training

    # each module's own flag, put back as it was (set_training: an overridden train()/eval() is never called)
    was = [(node, torch.nn.Module.__dict__["__dict__"].__get__(node).get("training", True))
           for node in modules_of(module, "torch_flops")]
    set_training(module, False, "torch_flops")
    try:
        with torch.no_grad(), FlopCounterMode(display=False) as counter:
            module(*inputs)
    finally:
        for node, mode in was:
            torch.nn.Module.__dict__["__dict__"].__get__(node)["training"] = mode
    return int(counter.get_total_flops())


def keras_flops(model: Any, input_shape: tuple[int, ...]) -> int:
    """FLOPs of one forward pass of a Keras model (TensorFlow backend) on one input of ``input_shape`` (NHWC,
    batch dimension included), counted like ``torch_flops``: 2 per multiply-add of the convolutions and matrix
    products that TensorFlow actually runs.

    The model is traced once in inference mode and every ``Conv2D``, ``DepthwiseConv2dNative``, ``MatMul`` and
    ``BatchMatMulV2`` operation of the graph is counted from its filter and output shapes, whatever layer
    (functional call, layer subclass, ``keras.ops``) created it: a convolution computed at stride 1 and then
    subsampled costs what it really costs.
    """
    import numpy as np
    import tensorflow as tf

    spec = tf.TensorSpec(tuple(input_shape), tf.float32)
    graph = tf.function(lambda x: model(x, training=False)).get_concrete_function(spec).graph
    total = 0
    for op in graph.get_operations():
        if op.type in ("Conv2D", "DepthwiseConv2dNative"):
            kh, kw, c_in = (int(d) for d in op.inputs[1].shape[:3])
            per_output = kh * kw * (c_in if op.type == "Conv2D" else 1)   # depthwise: one channel per output
            total += 2 * per_output * int(np.prod(op.outputs[0].shape))
        elif op.type in ("MatMul", "BatchMatMulV2"):
            a, out = op.inputs[0].shape, op.outputs[0].shape
            inner = int(a[-2] if op.get_attr("transpose_a" if op.type == "MatMul" else "adj_x") else a[-1])
            total += 2 * inner * int(np.prod(out))
    return total


def human(n: float) -> str:
    """``1_234_567 -> '1.23M'``, for figure labels."""
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if abs(n) >= scale:
            return f"{n / scale:.3g}{unit}"
    return f"{n:.3g}"
