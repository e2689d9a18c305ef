# replaces: evaluate
# loses: test_evaluate_value
# why: one_hot without num_classes: a class missing from predictions and masks drops out of the average
<<<<<<< solution
        predicted = F.one_hot(labels.long(), classes).permute(0, 3, 1, 2).float()   # labels may be uint8 or bool
        target = F.one_hot(masks.long(), classes).permute(0, 3, 1, 2).float()
=======
        seen = int(max(labels.max(), masks.max())) + 1
        predicted = F.one_hot(labels.long(), seen).permute(0, 3, 1, 2).float()
        target = F.one_hot(masks.long(), seen).permute(0, 3, 1, 2).float()
>>>>>>> variant
