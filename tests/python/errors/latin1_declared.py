# -*- coding: latin-1 -*-
# The same Latin-1 byte is fine when the file declares its encoding.
print("café", len("café"), ord("é"))
