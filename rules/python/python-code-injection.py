import ast
from flask import render_template_string, request


@app.route("/calc")
def calc():
    expr = request.args.get("expr")
    # ruleid: python-code-injection
    result = eval(expr)
    # ok: python-code-injection
    value = ast.literal_eval(request.args.get("value"))
    # ok: python-code-injection
    total = eval("1 + 2")
    return str(result + value + total)


@app.route("/hello")
def hello():
    name = request.args.get("name")
    page = "<h1>Hello " + name + "</h1>"
    # ruleid: python-code-injection
    return render_template_string(page)


@app.route("/hello2")
def hello2():
    # ok: python-code-injection
    return render_template_string("<h1>Hello {{ name }}</h1>", name=request.args.get("name"))
