# SyntaxError: assignment to an arithmetic expression.
a + 1 = 2
