from flask import request


@app.route("/greet")
def greet():
    template = request.args.get("tpl", "Hello {user.name}")
    # ruleid: python-format-string-injection
    text = template.format(user=current_user)
    name = request.args.get("name")
    # ok: python-format-string-injection
    other = "Hello {}".format(name)
    # ok: python-format-string-injection
    third = "{0} and {1}".format(name, text)
    return other + third
