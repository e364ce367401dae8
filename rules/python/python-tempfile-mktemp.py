import tempfile
from tempfile import mktemp

# ruleid: python-tempfile-mktemp
name = tempfile.mktemp(suffix=".json")
# ruleid: python-tempfile-mktemp
other = mktemp()
# ok: python-tempfile-mktemp
fd, path = tempfile.mkstemp(suffix=".json")
# ok: python-tempfile-mktemp
with tempfile.NamedTemporaryFile("w", delete=False) as fh:
    fh.write("{}")
