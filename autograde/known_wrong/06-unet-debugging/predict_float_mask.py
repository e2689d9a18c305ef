# replaces: predict_masks
# loses: test_predict_masks
# why: returns the one-channel prediction as a float 0.0/1.0 mask (sigmoid > 0.5 cast to float): the values are right, but labels are an integer or boolean tensor by the contract (a float mask cannot index, one-hot or compare with int64 targets without a cast)
<<<<<<< solution
        return (logits[:, 0] > 0).long()
=======
        return (torch.sigmoid(logits[:, 0]) > 0.5).float()
>>>>>>> variant
