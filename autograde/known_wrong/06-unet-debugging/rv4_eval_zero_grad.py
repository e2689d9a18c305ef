# replaces: evaluate
# loses: test_evaluate_leaves
# why: calls model.zero_grad() first: gradients accumulated by the caller are lost
<<<<<<< solution
    model.eval()
=======
    model.zero_grad()
    model.eval()
>>>>>>> variant
