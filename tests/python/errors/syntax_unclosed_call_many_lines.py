# SyntaxError: a call left open across several lines, then a new statement.
result = max(1,
             2,
             3
print(result)
