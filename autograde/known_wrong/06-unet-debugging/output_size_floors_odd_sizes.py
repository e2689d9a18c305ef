# replaces: unet_output_size
# loses: test_output_size_errors
# why: pools odd sizes with floor division as PyTorch does, silently, instead of reporting the level where the crop will be off
<<<<<<< solution
        if size % 2:
            raise ValueError(f"level {level}: max pooling meets an odd size ({size})")
        size //= 2
=======
        size //= 2
>>>>>>> variant
