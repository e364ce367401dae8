import jwt

# ruleid: python-jwt-none-algorithm
unsigned = jwt.encode(payload, None, algorithm="none")
# ruleid: python-jwt-none-algorithm
claims = jwt.decode(token, key, algorithms=["HS256", "none"])
# ok: python-jwt-none-algorithm
signed = jwt.encode(payload, key, algorithm="HS256")
# ok: python-jwt-none-algorithm
claims = jwt.decode(token, key, algorithms=["HS256"], options={"require": ["exp"]})
