# replaces: small_basic_block
# loses: test_small_basic_block_shapes, test_small_basic_block_equivalence
# why: (3, 3) kernels where LPRNet factorises into (3, 1) and (1, 3)
class SmallBasicBlock(nn.Module):
    def __init__(self, ch_in, ch_out):
        super().__init__()
        mid = ch_out // 4
        self.block = nn.Sequential(
            nn.Conv2d(ch_in, mid, 1), nn.ReLU(),
            nn.Conv2d(mid, mid, 3, padding=1), nn.ReLU(),
            nn.Conv2d(mid, mid, 3, padding=1), nn.ReLU(),
            nn.Conv2d(mid, ch_out, 1),
        )

    def forward(self, x):
        return self.block(x)
