with (a asifb, c as d,):
    pass
