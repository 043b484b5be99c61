# Nested dict structures: deep get with fallbacks, recursive merge,
# flattening to dotted keys and back, and copying versus aliasing of the
# inner dicts.
config = {"db": {"host": "localhost", "port": 5432, "opts": {"ssl": False}}, "debug": True}
override = {"db": {"port": 6543, "opts": {"ssl": True, "timeout": 5}}, "name": "app"}
def deep_get(d, path, default=None):
    for key in path.split("."):
        if not isinstance(d, dict) or key not in d:
            return default
        d = d[key]
    return d
print(deep_get(config, "db.port"), deep_get(config, "db.opts.ssl"), deep_get(config, "db.nope", "?"), deep_get(config, "debug.x"))
def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out
merged = merge(config, override)
print(merged)
print(config["db"]["port"], merged["db"] is not config["db"])
def flatten(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out
flat = flatten(merged)
print(flat)
def unflatten(flat):
    out = {}
    for key, v in flat.items():
        *parents, leaf = key.split(".")
        node = out
        for p in parents:
            node = node.setdefault(p, {})
        node[leaf] = v
    return out
print(unflatten(flat) == merged)
shallow = dict(config)
shallow["db"]["host"] = "changed through alias"
print(config["db"]["host"])
