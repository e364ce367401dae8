cipher = OpenSSL::Cipher.new("aes-256-cbc")
cipher.encrypt
cipher.key = key
# ruleid: ruby-cipher-static-iv
cipher.iv = "0123456789abcdef"
# ruleid: ruby-cipher-static-iv
cipher.iv = "\0" * 16
# ok: ruby-cipher-static-iv
cipher.iv = cipher.random_iv
# ok: ruby-cipher-static-iv
cipher.iv = Base64.decode64(payload["iv"])
