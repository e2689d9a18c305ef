# replaces: needs_projection
# why: compares output shapes as tuples (channels, stride) instead of two separate conditions
def needs_projection(in_channels, filters, stride):
    return (in_channels, 1) != (2 * filters, stride)
