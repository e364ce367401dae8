import os
from flask import request, send_file
from werkzeug.utils import secure_filename


@app.route("/report")
def report():
    name = request.args.get("report")
    path = os.path.join(REPORT_DIR, name)
    # ruleid: python-path-traversal-flow
    return send_file(path)


@app.route("/avatar", methods=["POST"])
def avatar():
    upload = request.files["avatar"]
    target = os.path.join(AVATARS, upload.filename)
    # ruleid: python-path-traversal-flow
    with open(target, "wb") as fh:
        fh.write(upload.read())
    cleaned = os.path.join(AVATARS, secure_filename(upload.filename))
    # ok: python-path-traversal-flow
    with open(cleaned, "wb") as fh:
        fh.write(upload.read())
    # ok: python-path-traversal-flow
    with open(os.path.join(AVATARS, "default.png"), "rb") as fh:
        return fh.read()


def delete(request):
    full = os.path.realpath(os.path.join(BASE, request.POST["file"]))
    if not full.startswith(BASE + os.sep):
        raise PermissionDenied()
    # ok: python-path-traversal-flow
    os.remove(full)
    base = os.path.basename(request.POST["file"])
    # ok: python-path-traversal-flow
    os.remove(os.path.join(BASE, base))
