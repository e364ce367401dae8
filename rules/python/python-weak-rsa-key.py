from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import dsa, rsa

# ruleid: python-weak-rsa-key
key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
# ruleid: python-weak-rsa-key
old = RSA.generate(1024)
# ruleid: python-weak-rsa-key
d = dsa.generate_private_key(key_size=1024)
# ok: python-weak-rsa-key
good = rsa.generate_private_key(public_exponent=65537, key_size=3072)
# ok: python-weak-rsa-key
fine = RSA.generate(2048)
