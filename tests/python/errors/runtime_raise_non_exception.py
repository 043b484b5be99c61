# TypeError: raising something that is not an exception.
raise 'just a string'
