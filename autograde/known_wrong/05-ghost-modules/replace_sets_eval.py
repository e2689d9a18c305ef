# replaces: replace_pointwise_convs
# loses: test_replace_nested
# why: calls model.eval() "so the new BatchNorms use running statistics": a model being trained comes back in eval mode
<<<<<<< solution
    return len(replacements)
=======
    model.eval()
    return len(replacements)
>>>>>>> variant
