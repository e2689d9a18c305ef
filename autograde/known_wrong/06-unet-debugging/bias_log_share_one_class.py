# replaces: init_output_bias
# loses: test_bias_values
# why: ln(p) instead of the log-odds for one channel: sigmoid(ln p) = p / (1 + p), close to p only for a very rare foreground
<<<<<<< solution
        values = torch.log(p / (1 - p)).reshape(1)
=======
        values = torch.log(p).reshape(1)
>>>>>>> variant
