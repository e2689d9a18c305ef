# replaces: bottleneck
# loses: test_bottleneck_shapes, test_bottleneck_equivalence
# why: projection only when channels change; a stride-2 block with equal channels adds mismatched sizes
<<<<<<< solution
        if in_channels == out_channels and stride == 1:
=======
        if in_channels == out_channels:
>>>>>>> variant
