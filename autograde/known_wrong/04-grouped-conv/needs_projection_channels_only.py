# replaces: needs_projection
# loses: test_needs_projection
# why: checks only the channel count and forgets that a stride of 2 also changes the shape
def needs_projection(in_channels, filters, stride):
    return in_channels != 2 * filters
