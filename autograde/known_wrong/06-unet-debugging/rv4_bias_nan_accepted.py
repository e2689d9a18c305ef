# replaces: init_output_bias
# loses: test_bias_errors
# why: p <= 0 or p >= 1: NaN passes both comparisons and becomes a NaN bias
<<<<<<< solution
        if not 0 < float(p) < 1:
=======
        if float(p) <= 0 or float(p) >= 1:
>>>>>>> variant
