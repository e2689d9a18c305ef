# replaces: evaluate
# loses: test_evaluate_leaves
# why: model.float() "to match the images": a float64 model comes back converted to float32, every weight and BatchNorm statistic rounded
<<<<<<< solution
    model.eval()
=======
    model.float().eval()
>>>>>>> variant
