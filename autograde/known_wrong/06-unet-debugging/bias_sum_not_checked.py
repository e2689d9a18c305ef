# replaces: init_output_bias
# loses: test_bias_errors
# why: checks the count and the sign of the shares but not their sum: shares that sum to 0.9 give a softmax that does not reproduce them
<<<<<<< solution
        if not bool((shares > 0).all()) or not abs(float(shares.sum()) - 1) <= 1e-6:
=======
        if not bool((shares > 0).all()):
>>>>>>> variant
