# SyntaxError: return at module level.
print('before')
return 5
