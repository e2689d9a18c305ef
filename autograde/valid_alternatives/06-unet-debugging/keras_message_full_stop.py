# replaces: unet_keras
# why: the size check's message is an ordinary sentence that ends with a full stop ("... is not a multiple of 16."): it names the multiple as a number, as the contract asks
<<<<<<< solution
            raise ValueError(f"input {name} {size} is not a multiple of 2**depth = {multiple}")
=======
            raise ValueError(f"The input {name} ({size}) must be a multiple of {multiple}.")
>>>>>>> variant
