from flask import request


@app.route("/search")
def search():
    expr = request.args.get("expr")
    # ruleid: python-nosql-injection
    docs = db.items.find({"$where": "this.price < " + expr})
    # ruleid: python-nosql-injection
    user = db.users.find_one(request.get_json())
    # ok: python-nosql-injection
    user = db.users.find_one({"name": str(request.json["name"])})
    # ok: python-nosql-injection
    docs = db.items.find({"$where": "this.price < 10"})
    return docs, user
