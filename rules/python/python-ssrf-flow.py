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


async def fetch_preview(request):
    target = request.query["url"]
    async with aiohttp.ClientSession() as session:
        # ruleid: python-ssrf-flow
        async with session.get(target) as resp:
            return web.Response(text=await resp.text())


def load_user(request):
    # ok: python-ssrf-flow
    return db.session.get(User, request.args["id"])
