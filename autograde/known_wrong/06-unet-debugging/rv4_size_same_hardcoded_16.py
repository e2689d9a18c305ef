# replaces: unet_output_size
# loses: test_output_size_same
# why: 'same' checks a multiple of 16 whatever depth is
<<<<<<< solution
        if input_size % 2 ** depth:
=======
        if input_size % 16:
>>>>>>> variant
