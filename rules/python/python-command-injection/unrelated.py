# A change that adds an unrelated line of the function: the existing flow is not reported.
# fixture-added-lines: 8
import os
from flask import request


def export():
    app.logger.info("export requested")
    path = request.form["path"]
    # ok: python-command-injection
    os.system("tar czf /tmp/out.tgz " + path)
