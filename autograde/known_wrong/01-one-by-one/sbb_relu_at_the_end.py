# replaces: small_basic_block
# loses: test_small_basic_block_equivalence
# why: a ReLU after the last 1x1 conv (the block's output is linear in LPRNet)
class SmallBasicBlock(nn.Module):
    def __init__(self, ch_in, ch_out):
        super().__init__()
        mid = ch_out // 4
        self.block = nn.Sequential(
            nn.Conv2d(ch_in, mid, 1), nn.ReLU(),
            nn.Conv2d(mid, mid, (3, 1), padding=(1, 0)), nn.ReLU(),
            nn.Conv2d(mid, mid, (1, 3), padding=(0, 1)), nn.ReLU(),
            nn.Conv2d(mid, ch_out, 1), nn.ReLU(),
        )

    def forward(self, x):
        return self.block(x)
