# replaces: naive_inception_channels
# why: sums a list of branch widths, the pooling branch contributing the input width
def naive_inception_channels(in_channels, ch1x1, ch3x3, ch5x5):
    branch_widths = [ch1x1, ch3x3, ch5x5, in_channels]
    return sum(branch_widths)
