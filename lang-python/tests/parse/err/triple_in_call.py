f('''abc
