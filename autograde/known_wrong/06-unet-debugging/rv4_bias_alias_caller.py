# replaces: init_output_bias
# loses: test_bias_values, test_bias_in_place
# why: log_() on torch.as_tensor(class_shares, float64): a float64 array or tensor of shares passed by the caller is overwritten by its logs
<<<<<<< solution
        values = torch.log(shares)
=======
        values = shares.log_()
>>>>>>> variant
