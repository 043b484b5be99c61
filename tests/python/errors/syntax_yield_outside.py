# SyntaxError: yield at module level.
x = yield 1
