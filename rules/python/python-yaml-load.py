# ruleid: python-yaml-load
cfg = yaml.load(stream)
# ruleid: python-yaml-load
cfg = yaml.load(f, Loader=yaml.Loader)
# ok: python-yaml-load
cfg = yaml.safe_load(stream)
# ok: python-yaml-load
cfg = yaml.load(f, Loader=yaml.SafeLoader)
