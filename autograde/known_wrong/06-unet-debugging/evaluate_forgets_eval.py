# replaces: evaluate
# loses: test_evaluate_value
# why: never switches to eval(): BatchNorm uses the batch's statistics and dropout stays on
<<<<<<< solution
    model.eval()
    try:
=======
    try:
>>>>>>> variant
