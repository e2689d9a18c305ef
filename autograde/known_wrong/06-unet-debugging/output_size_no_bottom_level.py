# replaces: unet_output_size
# loses: test_output_size_valid, test_output_size_errors
# why: forgets that the bottom level's two convolutions also remove 4 pixels (572 -> 396 instead of 388); without the bottom level no size drops below 1 on the way up for (16, 1), (14, 1) or (40, 2), so those raise nothing
<<<<<<< solution
    size -= 4
    for _ in range(depth):
=======
    for _ in range(depth):
>>>>>>> variant
