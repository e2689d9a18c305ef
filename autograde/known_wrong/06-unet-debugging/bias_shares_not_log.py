# replaces: init_output_bias
# loses: test_bias_values
# why: sets the softmax biases to the shares themselves: softmax([0.9, 0.08, 0.02]) is about [0.52, 0.23, 0.22], not the shares
<<<<<<< solution
        values = torch.log(shares)
=======
        values = shares
>>>>>>> variant
