import tempfile

# ruleid: python-predictable-tmp-path
with open("/tmp/report.csv", "w") as fh:
    fh.write(rows)
# ok: python-predictable-tmp-path
with open("/tmp/report.csv") as fh:
    rows = fh.read()
# ok: python-predictable-tmp-path
with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
    fh.write(rows)
