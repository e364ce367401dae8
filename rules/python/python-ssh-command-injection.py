import shlex

import paramiko
from flask import request


@app.route("/logs")
def logs():
    service = request.args["service"]
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect("app01.internal")
    # ruleid: python-ssh-command-injection
    _, out, _ = client.exec_command("journalctl -u " + service)
    # ok: python-ssh-command-injection
    _, out2, _ = client.exec_command("journalctl -u " + shlex.quote(service))
    # ok: python-ssh-command-injection
    _, out3, _ = client.exec_command("uptime")
    return out.read() + out2.read() + out3.read()
