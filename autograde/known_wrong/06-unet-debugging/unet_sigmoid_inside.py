# replaces: UNet
# loses: test_unet_forward
# why: ends the model with a sigmoid, so a loss that expects logits (BCEWithLogits, cross_entropy) applies it twice
<<<<<<< solution
        return self.head(x)
=======
        return torch.sigmoid(self.head(x))
>>>>>>> variant
