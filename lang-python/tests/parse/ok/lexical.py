# A comment at the top

x = 1  # trailing comment
# comment between statements
    # indented comment
y = (1 +  # comment in brackets
     2)

def f():
    # comment before body
    return 1

        # over-indented comment
def g():
    if x:

        pass


    return 2
z = [1,
2,
        3]
w = {
'a':
1}
s = 'a' \
    'b'
t = 1 + \
2
if x \
   and y:
    pass
ascii_name = 1
café = 2
名前 = 3
_private = 4
__dunder__ = 5
Ωmega = 6
x1 = x_1
v = [i for i in (1, 2)]
print(café, 名前, Ωmega)
