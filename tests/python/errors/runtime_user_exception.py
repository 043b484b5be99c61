# Uncaught user-defined exception with a message: the last line uses the class name only.
class ConfigError(Exception):
    pass


raise ConfigError('missing key: port')
