# ruleid: python-insecure-cookie
resp.set_cookie("session", sid, secure=False)
# ruleid: python-insecure-cookie
SESSION_COOKIE_SECURE = False
# ok: python-insecure-cookie
resp.set_cookie("session", sid, secure=True, httponly=True, samesite="Lax")
# ruleid: python-insecure-cookie
# fixed: resp.set_cookie("sid", sid, secure=True)
resp.set_cookie("sid", sid, secure=False)
