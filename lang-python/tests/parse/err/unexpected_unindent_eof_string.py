if x:
    s = '''
