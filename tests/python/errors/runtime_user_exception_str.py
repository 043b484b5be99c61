# Uncaught user exception with its own __str__ and several args.
class Detailed(Exception):
    def __init__(self, code, where):
        super().__init__(code, where)
        self.code = code

    def __str__(self):
        return 'code %d at %s' % self.args


raise Detailed(404, 'fetch')
