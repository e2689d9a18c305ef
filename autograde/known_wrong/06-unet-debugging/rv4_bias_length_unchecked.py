# replaces: init_output_bias
# loses: test_bias_errors
# why: no check of the number of shares: a single share [1.0] broadcasts over all C channels
<<<<<<< solution
        if shares.numel() != channels:
            raise ValueError(f"{channels} output channels need {channels} class shares, got {shares.numel()}")
=======
>>>>>>> variant
