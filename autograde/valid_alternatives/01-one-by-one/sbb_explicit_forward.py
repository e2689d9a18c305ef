# replaces: small_basic_block
# why: separately named layers, functional ReLU and a hand-written forward instead of nn.Sequential
class SmallBasicBlock(nn.Module):
    def __init__(self, ch_in, ch_out):
        super().__init__()
        hidden = ch_out // 4
        self.expand = nn.Conv2d(hidden, ch_out, kernel_size=(1, 1))  # registered first on purpose
        self.reduce = nn.Conv2d(ch_in, hidden, kernel_size=(1, 1))
        self.vertical = nn.Conv2d(hidden, hidden, kernel_size=(3, 1), padding=(1, 0))
        self.horizontal = nn.Conv2d(hidden, hidden, kernel_size=(1, 3), padding=(0, 1))

    def forward(self, x):
        x = F.relu(self.reduce(x))
        x = F.relu(self.vertical(x))
        x = F.relu(self.horizontal(x))
        return self.expand(x)
