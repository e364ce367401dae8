from flask import request


@app.route("/users")
def users():
    name = request.args.get("name")
    order = request.args.get("order", "id")
    query = "SELECT id, email FROM users WHERE name = '" + name + "'"
    query += " ORDER BY " + order
    # ruleid: python-sql-injection-flow
    cur.execute(query)
    # ok: python-sql-injection-flow
    cur.execute("SELECT id, email FROM users WHERE name = %s", (name,))
    limit = int(request.args.get("limit"))
    # ok: python-sql-injection-flow
    cur.execute("SELECT id FROM users LIMIT %d" % limit)
    # ok: python-sql-injection-flow
    cur.execute(FIXED_QUERY)


def report(request):
    region = request.GET["region"]
    # ruleid: python-sql-injection-flow
    rows = Order.objects.raw(f"SELECT * FROM orders WHERE region = '{region}'")
    # ok: python-sql-injection-flow
    rows = Order.objects.raw("SELECT * FROM orders WHERE region = %s", [region])
    return rows
