# A UTF-8 file starting with a byte-order mark runs normally.
print("bom ok", "é")
