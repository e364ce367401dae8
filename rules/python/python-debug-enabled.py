# ruleid: python-debug-enabled
app.run(host="0.0.0.0", debug=True)
# ruleid: python-debug-enabled
DEBUG = True
# ok: python-debug-enabled
app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
# ok: python-debug-enabled
DEBUG = env.bool("DEBUG", default=False)
