# ruleid: python-eval
result = eval(request.args.get("expr"))
# ruleid: python-eval
exec(code_from_user)
# ok: python-eval
value = ast.literal_eval(text)
# ok: python-eval
model.eval()
# ok: python-eval
eval("1 + 1")
