# replaces: BasicConv2d
# why: attributes and an explicit forward with functional ReLU and LRN instead of nn.Sequential
class BasicConv2d(nn.Module):
    def __init__(self, in_channels, out_channels, norm="bn", **conv_kwargs):
        super().__init__()
        if norm not in {"bn", "lrn", "none"}:
            raise ValueError(f"unknown norm {norm!r}")
        self.norm_kind = norm
        self.norm = nn.BatchNorm2d(out_channels, eps=1e-3) if norm == "bn" else None
        self.conv = nn.Conv2d(in_channels, out_channels, bias=(norm != "bn"), **conv_kwargs)

    def forward(self, x):
        x = self.conv(x)
        if self.norm is not None:
            x = self.norm(x)
        x = F.relu(x)
        if self.norm_kind == "lrn":
            x = F.local_response_norm(x, 5, alpha=1e-4, beta=0.75, k=1.0)
        return x
