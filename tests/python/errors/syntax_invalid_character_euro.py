# SyntaxError: a currency symbol as an operator.
total = 3 € 4
