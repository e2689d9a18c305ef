# replaces: small_basic_block
# loses: test_small_basic_block_equivalence
# why: no ReLU between the factorised 3x1 and 1x3 convolutions (they collapse into one linear map)
class SmallBasicBlock(nn.Module):
    def __init__(self, ch_in, ch_out):
        super().__init__()
        mid = ch_out // 4
        self.block = nn.Sequential(
            nn.Conv2d(ch_in, mid, 1), nn.ReLU(),
            nn.Conv2d(mid, mid, (3, 1), padding=(1, 0)),
            nn.Conv2d(mid, mid, (1, 3), padding=(0, 1)), nn.ReLU(),
            nn.Conv2d(mid, ch_out, 1),
        )

    def forward(self, x):
        return self.block(x)
