x = 1234abc
