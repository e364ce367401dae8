import os
import shlex
import subprocess

from flask import request


@app.route("/tool")
def tool():
    prog = request.args["tool"]
    # ruleid: python-program-from-input
    subprocess.run([prog, "--version"], check=True)
    line = request.args["cmdline"]
    # ruleid: python-program-from-input
    subprocess.check_output(shlex.split(line))
    # ruleid: python-program-from-input
    os.execvp(prog, [prog])
    linter = "/usr/bin/flake8" if request.args["t"] == "lint" else "/usr/bin/black"
    # ok: python-program-from-input
    subprocess.run([linter, "--", "src"])
    # ok: python-program-from-input
    subprocess.run(["/usr/bin/file", "--", request.args["name"]])
    return "done"
