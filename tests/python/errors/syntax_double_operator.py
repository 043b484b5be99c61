# SyntaxError: two assignment operators in a row.
x = = 1
