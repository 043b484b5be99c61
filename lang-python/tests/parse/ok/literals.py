0
7
2147483647
9223372036854775807
9223372036854775808
123456789012345678901234567890
1_000_000
0x1F
0XdeadBEEF
0o17
0O777
0b1010
0B1_0
0x_ff
0xFFFFFFFFFFFFFFFFFFFF
0.0
1.5
1.
.5
1e10
1E-5
1.5e+300
1e400
1_0.0_1e1_0
3j
1.5J
0j
1e3j
.5j
True
False
None
...
'single'
"double"
'''triple single'''
"""triple double"""
'it''s'
"it's"
'say "hi"'
'both \' and "'
'\n\t\r\\\a\b\f\v\0'
'\x41\x7e\xff'
'\101\60\7'
'\u00e9\u4e2d\U0001F600'
'\N{BULLET} \N{em dash}'
'unknown \d \q escape'
'line\
continued'
r'raw \n \x41 \\'
R"raw"
u'unicode'
U"unicode"
b'bytes'
B"bytes \x00\xff\n"
br'raw bytes \n'
Rb'raw bytes'
rB"x"
bR'y'
'a' 'b' "c"
'a' u'b'
u'a' 'b'
b'a' b'b'
'''multi
line
string'''
"""with "quotes" inside"""
''
""
b''
'é中文😀'
'\t\x00\x7f\x80\xa0\u2028'
