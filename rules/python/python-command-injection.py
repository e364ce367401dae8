import os
import shlex
import subprocess
import sys

from flask import request


@app.route("/thumb")
def thumb():
    name = request.args.get("name")
    size = request.args.get("size", "64")
    cmd = "convert %s -resize %s out.png" % (name, size)
    # ruleid: python-command-injection
    os.system(cmd)
    # ruleid: python-command-injection
    subprocess.run(f"gzip {name}", shell=True, check=True)
    # ok: python-command-injection
    subprocess.run(["convert", name, "-resize", size, "out.png"])
    safe = shlex.quote(name)
    # ok: python-command-injection
    os.system("gzip " + safe)
    # ok: python-command-injection
    subprocess.call("uptime", shell=True)


def django_view(request):
    target = request.POST["host"]
    line = "ping -c 1 " + target
    # ruleid: python-command-injection
    out = subprocess.check_output(line, shell=True)
    count = int(request.GET.get("n"))
    # ok: python-command-injection
    os.system("seq %d" % count)
    return out


def main():
    # ruleid: python-command-injection
    os.popen("ls " + sys.argv[1])
