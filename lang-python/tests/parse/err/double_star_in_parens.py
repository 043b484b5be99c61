f(*args),(**kw...rgs)
