# ruleid: python-yaml-load
cfg = yaml.load(stream)
# ruleid: python-yaml-load
cfg = yaml.load(f, Loader=yaml.Loader)
# ok: python-yaml-load
cfg = yaml.safe_load(stream)
# ok: python-yaml-load
cfg = yaml.load(f, Loader=yaml.SafeLoader)
# ruleid: python-yaml-load
# fixed: config = yaml.safe_load(stream)
config = yaml.load(stream, Loader=yaml.FullLoader)
