# SyntaxError: a hexadecimal literal with a non-hex digit.
x = 0x1G
