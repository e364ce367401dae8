from flask import request
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()


def init_app(app):
    csrf.init_app(app)
    # ok: python-csrf-disabled
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False

    @app.before_request
    def check_csrf():
        if request.blueprint != "api":
            csrf.protect()
