"""Helpers shared by the chapters of the CNN Building Blocks course.

Nothing here solves an exercise. Modules:

* ``cnnblocks.env``: quiet, seeded notebook set-up (call before importing TensorFlow).
* ``cnnblocks.checks``: assertion helpers whose failure messages teach.
* ``cnnblocks.counting``: parameter and FLOP counts for PyTorch and Keras models.
* ``cnnblocks.plotting``: the course's figures (bars, heatmaps, feature-map grids, curves).
* ``cnnblocks.diagrams``: block diagrams (boxes, branches, shortcuts) drawn from a small specification.
* ``cnnblocks.data``: data that ships with packages (scikit-learn digits and sample images).
* ``cnnblocks.segmentation_data``: generated shapes and masks for the U-Net chapter.
* ``cnnblocks.selfcheck``: ``make check``: run a notebook as the grader does, report each test cell.

The instructor's grading tools are a separate package, ``cnngrade``, which students do not get.
"""
from .env import notebook_setup, quiet_tensorflow, seed_everything

__all__ = ["notebook_setup", "quiet_tensorflow", "seed_everything"]
__version__ = "0.1.0"
