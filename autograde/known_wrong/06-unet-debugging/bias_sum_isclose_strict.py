# replaces: init_output_bias
# loses: test_bias_values, test_bias_in_place
# why: checks the sum with math.isclose (relative tolerance 1e-9) after converting the shares to float64: shares given as a float32 tensor or array, e.g. torch.tensor([0.6, 0.3, 0.1]) (sum 1 + 3.7e-8 in float64), are refused although the contract accepts any sum within 1e-6 of 1
<<<<<<< solution
        if not bool((shares > 0).all()) or not abs(float(shares.sum()) - 1) <= 1e-6:
=======
        if not bool((shares > 0).all()) or not math.isclose(float(shares.sum()), 1.0):
>>>>>>> variant
<<<<<<< solution
    if head.bias is None:
=======
    import math
    if head.bias is None:
>>>>>>> variant
