from django.http import HttpResponse


def download(request):
    fname = request.GET["name"]
    resp = HttpResponse(b"data")
    # ruleid: python-header-injection
    resp["Content-Disposition"] = "attachment; filename=" + fname
    clean = fname.replace("\r", "").replace("\n", "")
    # ok: python-header-injection
    resp["X-File"] = clean
    # ok: python-header-injection
    resp["Cache-Control"] = "no-store"
    return resp


@app.route("/lang")
def lang():
    resp = make_response("ok")
    # ruleid: python-header-injection
    resp.headers["Content-Language"] = request.args.get("lang")
    return resp
