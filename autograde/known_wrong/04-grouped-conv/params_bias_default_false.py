# replaces: grouped_conv_params
# loses: test_params_counts
# why: the chapter's old signature: bias defaults to False while nn.Conv2d and chapter 1's conv2d_params default to True
<<<<<<< solution
def grouped_conv_params(c_in: int, c_out: int, kernel_size, groups: int = 1, bias: bool = True) -> int:
=======
def grouped_conv_params(c_in: int, c_out: int, kernel_size, groups: int = 1, bias: bool = False) -> int:
>>>>>>> variant
