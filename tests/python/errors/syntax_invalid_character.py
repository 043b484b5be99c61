# SyntaxError: a character that is not valid in Python source (a dollar sign).
price = 5 $ 3
