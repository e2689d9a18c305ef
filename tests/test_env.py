import os
import subprocess
import sys


def test_notebook_setup_silences_tensorflow_completely():
    """Importing TF and running an op after notebook_setup() writes nothing to stderr (nbgrader rule)."""
    code = (
        "from cnnblocks import notebook_setup; notebook_setup()\n"
        "import tensorflow as tf, keras, torch\n"
        "keras.layers.Conv2D(2, 1)(tf.ones((1, 4, 4, 3)))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "KERAS"))}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""


def test_seed_everything_makes_torch_and_numpy_repeatable():
    import numpy as np
    import torch

    from cnnblocks import seed_everything

    seed_everything(3)
    a = (torch.rand(3), np.random.rand(3))
    seed_everything(3)
    b = (torch.rand(3), np.random.rand(3))
    assert torch.equal(a[0], b[0]) and np.array_equal(a[1], b[1])
