import base64
import json
import pickle

import yaml
from flask import request


@app.route("/import", methods=["POST"])
def import_state():
    blob = base64.b64decode(request.form["state"])
    # ruleid: python-deserialization-flow
    state = pickle.loads(blob)
    # ruleid: python-deserialization-flow
    cfg = yaml.load(request.data, Loader=yaml.Loader)
    # ok: python-deserialization-flow
    cfg = yaml.load(request.data, Loader=yaml.SafeLoader)
    # ok: python-deserialization-flow
    data = json.loads(request.data)
    return state, cfg, data
