import importlib

from flask import request

ALLOWED = {"csv", "xlsx"}


@app.route("/export")
def export():
    fmt = request.args.get("format")
    # ruleid: python-dynamic-import
    mod = importlib.import_module("exporters." + fmt)
    # ok: python-dynamic-import
    base = importlib.import_module("exporters.base")
    return mod.run(base)


@app.route("/export2")
def export2():
    fmt = request.args.get("format")
    if fmt not in ALLOWED:
        abort(400)
    # ok: python-dynamic-import
    mod = importlib.import_module("exporters." + fmt)
    return mod.run()
