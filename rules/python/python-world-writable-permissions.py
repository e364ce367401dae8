import os
import stat
from pathlib import Path

# ruleid: python-world-writable-permissions
os.chmod("/srv/app/uploads", 0o777)
# ruleid: python-world-writable-permissions
os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)
# ruleid: python-world-writable-permissions
Path(sock).chmod(0o666)
# ruleid: python-world-writable-permissions
os.umask(0)
# ok: python-world-writable-permissions
os.chmod(path, 0o640)
# ok: python-world-writable-permissions
os.chmod(script, 0o755)
# ok: python-world-writable-permissions
os.makedirs(cache_dir, 0o777, exist_ok=True)
# ok: python-world-writable-permissions
os.umask(0o077)
