import logging

from flask import request

logger = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    # ruleid: python-log-injection
    logger.warning(f"failed login for {user}")
    # ok: python-log-injection
    logger.warning("failed login for %r", user)
    clean = user.replace("\r", "").replace("\n", "")
    # ok: python-log-injection
    logger.info("login attempt: " + clean)
    # ok: python-log-injection
    logger.info("login form posted")
    return "no"
