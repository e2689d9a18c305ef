# replaces: ghost_channels
# why: a namedtuple and integer ceil division -(-a // b): a tuple of ints
from collections import namedtuple
_GhostSplit = namedtuple("_GhostSplit", "intrinsic ghost")


def ghost_channels(out_channels, ratio):
    if not (out_channels >= 1 and ratio >= 1):
        raise ValueError("need out_channels >= 1 and ratio >= 1")
    intrinsic = -(-out_channels // ratio)
    return _GhostSplit(intrinsic, intrinsic * (ratio - 1))
