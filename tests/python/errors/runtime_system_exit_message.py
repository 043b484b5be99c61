# raise SystemExit('msg'): the message on stderr, status 1.
print('before')
raise SystemExit('stopping: bad input')
