# replaces: needs_projection
# loses: test_needs_projection
# why: compares the input channels with `filters` instead of the block's output width 2*filters
def needs_projection(in_channels, filters, stride):
    return in_channels != filters or stride != 1
