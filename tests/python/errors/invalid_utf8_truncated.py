# A truncated multi-byte UTF-8 sequence at the very end of the file.
print("start")
x = "â‚