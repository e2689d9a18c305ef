# replaces: ResNeXtBlock
# loses: test_block_shapes, test_block_params, test_block_forward
# why: projects the shortcut only when the channel count changes, so a stride-2 block with matching channels adds mismatched H, W
<<<<<<< solution
        if in_channels != 2 * filters or stride != 1:
=======
        if in_channels != 2 * filters:
>>>>>>> variant
