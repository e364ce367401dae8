# A change that adds only the sink: the source line above is unchanged and still reported.
# fixture-added-lines: 9-10
import os
from flask import request


def export():
    path = request.form["path"]
    # ruleid: python-command-injection
    os.system("tar czf /tmp/out.tgz " + path)
