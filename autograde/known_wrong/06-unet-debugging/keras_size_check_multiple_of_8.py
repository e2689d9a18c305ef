# replaces: unet_keras
# loses: test_keras_size_check
# why: checks for multiples of 8 whatever the depth (the "three poolings" habit), so 248 passes the check and fails later
<<<<<<< solution
    multiple = 2 ** depth
=======
    multiple = 8
>>>>>>> variant
