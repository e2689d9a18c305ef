# replaces: unet_output_size
# loses: test_output_size_valid
# why: forgets that the bottom level's two convolutions also remove 4 pixels (572 -> 396 instead of 388)
<<<<<<< solution
    size -= 4
    for _ in range(depth):
=======
    for _ in range(depth):
>>>>>>> variant
