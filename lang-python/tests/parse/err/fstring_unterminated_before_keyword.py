r = not f"{'" if y else z
