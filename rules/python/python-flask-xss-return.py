from flask import jsonify, request
from markupsafe import escape


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: python-flask-xss-return
    return "<h1>Hello " + name + "</h1>"


@app.route("/hello2/<name>")
def hello2(name):
    # ruleid: python-flask-xss-return
    return f"<p>{name}</p>"


@app.route("/hello3")
def hello3():
    name = request.args.get("name", "")
    # ok: python-flask-xss-return
    return "<h1>Hello " + escape(name) + "</h1>"


@app.route("/api")
def api():
    data = request.get_json()
    # ok: python-flask-xss-return
    return jsonify(data)


@app.route("/count")
def count():
    # ok: python-flask-xss-return
    return "<p>%d items</p>" % len(request.args)
