# ruleid: python-weak-cipher
cipher = AES.new(key, AES.MODE_ECB)
# ruleid: python-weak-cipher
cipher = DES.new(key, DES.MODE_CBC, iv)
# ok: python-weak-cipher
cipher = AES.new(key, AES.MODE_GCM)
