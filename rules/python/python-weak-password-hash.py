# ruleid: python-weak-password-hash
stored = hashlib.md5(password.encode()).hexdigest()
# ruleid: python-weak-password-hash
pw_hash = hashlib.sha1(salt + password).hexdigest()
# ok: python-weak-password-hash
digest = hashlib.md5(data).hexdigest()
# ok: python-weak-password-hash
pw_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
