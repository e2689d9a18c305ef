# replaces: unet_output_size
# loses: test_output_size_same
# why: the size check for padded convolutions accepts multiples of 8, whatever the depth
<<<<<<< solution
        if input_size % 2 ** depth:
=======
        if input_size % 8:
>>>>>>> variant
