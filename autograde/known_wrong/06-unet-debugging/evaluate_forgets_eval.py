# replaces: evaluate
# loses: test_evaluate_value, test_evaluate_leaves
# why: never switches to eval(): BatchNorm uses the batch's statistics and dropout stays on (each dropout mask is a draw from the global random number generator, whose state evaluate must leave as it was)
<<<<<<< solution
    model.eval()
    try:
=======
    try:
>>>>>>> variant
