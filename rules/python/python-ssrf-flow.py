from urllib.parse import urlparse

import requests
from flask import request


@app.route("/preview")
def preview():
    target = request.args.get("url")
    # ruleid: python-ssrf-flow
    page = requests.get(target, timeout=5)
    hook = request.json["webhook"]
    # ruleid: python-ssrf-flow
    requests.post(url=hook, json={"ok": True})
    # ok: python-ssrf-flow
    requests.get("https://api.example.com/status", timeout=5)
    return page.text


@app.route("/fetch")
def fetch():
    target = request.args.get("url")
    if urlparse(target).hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: python-ssrf-flow
    return requests.get(target, timeout=5).text
