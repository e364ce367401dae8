from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

# ruleid: python-rsa-pkcs1v15-encryption
ciphertext = public_key.encrypt(message, padding.PKCS1v15())
# ok: python-rsa-pkcs1v15-encryption
ciphertext2 = public_key.encrypt(message, padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None))
# ok: python-rsa-pkcs1v15-encryption
signature = private_key.sign(message, padding.PKCS1v15(), hashes.SHA256())
