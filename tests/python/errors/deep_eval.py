# Deep nesting in strings given to eval/compile: the errors are catchable SyntaxError/RecursionError.
for depth in [10, 150, 1000]:
    src = '(' * depth + '1' + ')' * depth
    try:
        print(depth, eval(src))
    except SyntaxError as e:
        print(depth, type(e).__name__, e.msg)
for terms in [100, 1000, 5000]:
    src = '+'.join(['1'] * terms)
    try:
        print(terms, eval(src))
    except RecursionError as e:
        print(terms, type(e).__name__, e)
try:
    compile('-' * 5000 + '1', '<deep>', 'eval')
except RecursionError as e:
    print(type(e).__name__, e)
print('still running')
