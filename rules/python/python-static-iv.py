# ruleid: python-static-iv
iv = b"0000000000000000"
# ruleid: python-static-iv
cipher = AES.new(key, AES.MODE_CBC, b"abcdefghijklmnop")
# ok: python-static-iv
iv = os.urandom(16)
