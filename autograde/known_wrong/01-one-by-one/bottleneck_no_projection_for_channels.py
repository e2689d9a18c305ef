# replaces: bottleneck
# loses: test_bottleneck_shapes, test_bottleneck_equivalence
# why: projection only for a stride; a change of channels keeps the identity shortcut (the add fails)
<<<<<<< solution
        if in_channels == out_channels and stride == 1:
=======
        if stride == 1:
>>>>>>> variant
