# replaces: init_output_bias
# loses: test_bias_errors
# why: shares >= 0 accepted: a share of 0 gives a bias of -inf
<<<<<<< solution
bool((shares > 0).all())
=======
bool((shares >= 0).all())
>>>>>>> variant
