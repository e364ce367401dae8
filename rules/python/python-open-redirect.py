from flask import redirect, request, url_for


@app.route("/login", methods=["POST"])
def login():
    nxt = request.args.get("next")
    # ruleid: python-open-redirect
    return redirect(nxt)


@app.route("/logout")
def logout():
    # ok: python-open-redirect
    return redirect(url_for("index"))


def done(request):
    nxt = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        nxt = "/"
    # ok: python-open-redirect
    return HttpResponseRedirect(nxt)
