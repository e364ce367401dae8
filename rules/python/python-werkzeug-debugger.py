from werkzeug.debug import DebuggedApplication
from werkzeug.serving import run_simple

# ruleid: python-werkzeug-debugger
# fixed: app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=False)
app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=True)
# ok: python-werkzeug-debugger
app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=False)
# ruleid: python-werkzeug-debugger
# fixed: run_simple("0.0.0.0", 8000, app, use_debugger=False, use_reloader=True)
run_simple("0.0.0.0", 8000, app, use_debugger=True, use_reloader=True)
# ok: python-werkzeug-debugger
run_simple("127.0.0.1", 8000, app, use_reloader=True)
