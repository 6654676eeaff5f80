# Uncaught custom exception class with a message.
class ConfigError(Exception):
    pass

class MissingKey(ConfigError):
    def __init__(self, key):
        super().__init__("missing configuration key: " + key)

def check(config):
    if "port" not in config:
        raise MissingKey("port")

check({"host": "localhost"})
