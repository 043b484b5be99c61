# A comment containing an invalid UTF-8 byte: the whole file is rejected.
print("start")
# bad byte here: ÿþ
print("end")
