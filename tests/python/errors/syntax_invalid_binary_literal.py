# SyntaxError: a binary literal with the digit 2.
x = 0b1021
