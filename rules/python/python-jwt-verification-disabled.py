import jwt

# ruleid: python-jwt-verification-disabled
claims = jwt.decode(token, options={"verify_signature": False})
# ruleid: python-jwt-verification-disabled
legacy = jwt.decode(token, verify=False)
# ok: python-jwt-verification-disabled
checked = jwt.decode(token, key, algorithms=["HS256"])
# ok: python-jwt-verification-disabled
relaxed = jwt.decode(token, key, algorithms=["RS256"], options={"verify_aud": False})
