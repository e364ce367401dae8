import subprocess
from flask import request


def mirror():
    repo = request.json["repo"]
    # ruleid: python-argument-injection
    subprocess.run(["git", "clone", repo, "/srv/mirror"], check=True)
    host = request.args.get("host")
    # ruleid: python-argument-injection
    subprocess.check_call(["ssh", host, "uptime"])
    # ok: python-argument-injection
    subprocess.run(["git", "clone", "--", repo, "/srv/mirror"], check=True)
    # ok: python-argument-injection
    subprocess.run(["ls", "-l", repo])
    # ok: python-argument-injection
    subprocess.run(["git", "fetch", "origin"])


def checked():
    url = request.args.get("url")
    if url.startswith("-"):
        abort(400)
    # ok: python-argument-injection
    subprocess.run(["curl", url])
