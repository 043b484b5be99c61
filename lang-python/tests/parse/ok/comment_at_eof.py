if x:
    pass
    # trailing comment at EOF