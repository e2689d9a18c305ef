# replaces: unet_output_size
# loses: test_output_size_errors
# why: cheap: names 'level 1' whatever level meets the odd size (passes 570, where counting from 0 gives 1)
<<<<<<< solution
            raise ValueError(f"level {level}: max pooling meets an odd size ({size})")
=======
            raise ValueError(f"level 1: max pooling meets an odd size ({size})")
>>>>>>> variant
