class Config:
    SECRET_KEY_FILE = "/run/secrets/key"
    # ruleid: python-csrf-disabled
    WTF_CSRF_ENABLED = False


class TestingConfig(Config):
    TESTING = True
    # ok: python-csrf-disabled
    WTF_CSRF_ENABLED = False


def create_app():
    app = Flask(__name__)
    # ruleid: python-csrf-disabled
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False
    # ok: python-csrf-disabled
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def test_login(client):
    # ok: python-csrf-disabled
    client.application.config["WTF_CSRF_ENABLED"] = False
