# replaces: init_output_bias
# loses: test_bias_values
# why: the sigmoid's log-odds for every class of a softmax head: softmax(ln(s / (1 - s))) is not s (it is for two classes only)
<<<<<<< solution
        values = torch.log(shares)
=======
        values = torch.log(shares / (1 - shares))
>>>>>>> variant
