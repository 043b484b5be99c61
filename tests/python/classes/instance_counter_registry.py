# Class-level bookkeeping: an instance counter, a registry of subclasses
# via __init_subclass__, per-class ids, and class methods reading the
# registry.
class Plugin:
    registry = {}
    created = 0
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
    def __init__(self):
        Plugin.created += 1
        self.serial = Plugin.created
    @classmethod
    def create(cls, name):
        try:
            return cls.registry[name]()
        except KeyError:
            raise LookupError(f"no plugin named {name!r}") from None
class Csv(Plugin):
    pass
class Json(Plugin, name="json-export"):
    pass
class PrettyJson(Json):
    pass
print(sorted(Plugin.registry), PrettyJson.plugin_name, Json.plugin_name)
objs = [Plugin.create(n) for n in ("csv", "json-export", "prettyjson", "csv")]
print([(type(o).__name__, o.serial) for o in objs], Plugin.created)
try:
    Plugin.create("xml")
except LookupError as e:
    print(type(e).__name__, e)
