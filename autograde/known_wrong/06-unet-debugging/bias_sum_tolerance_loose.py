# replaces: init_output_bias
# loses: test_bias_errors
# why: accepts shares whose sum is within 1e-2 of 1 ("shares counted from a dataset rarely sum exactly to 1"): [0.5, 0.3, 0.195] is taken and softmax(bias) is then the renormalised shares, not the shares given; the contract says refuse a sum further than 1e-6 from 1
<<<<<<< solution
        if not bool((shares > 0).all()) or not abs(float(shares.sum()) - 1) <= 1e-6:
=======
        if not bool((shares > 0).all()) or not abs(float(shares.sum()) - 1) <= 1e-2:
>>>>>>> variant
