# replaces: init_output_bias
# loses: test_bias_errors
# why: shares must sum to 1 within 1e-3, not 1e-6
<<<<<<< solution
abs(float(shares.sum()) - 1) <= 1e-6
=======
abs(float(shares.sum()) - 1) <= 1e-3
>>>>>>> variant
