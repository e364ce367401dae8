import hashlib

import bcrypt
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

# ruleid: python-weak-kdf-work-factor
dk = hashlib.pbkdf2_hmac("sha256", password, salt, 1000)
# ruleid: python-weak-kdf-work-factor
kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=10000)
# ruleid: python-weak-kdf-work-factor
salt2 = bcrypt.gensalt(rounds=4)
# ok: python-weak-kdf-work-factor
dk2 = hashlib.pbkdf2_hmac("sha256", password, salt, 600000)
# ok: python-weak-kdf-work-factor
kdf2 = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=600_000)
# ok: python-weak-kdf-work-factor
salt3 = bcrypt.gensalt(rounds=12)
