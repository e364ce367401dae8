# ruleid: ruby-weak-crypto
self.password_digest = Digest::MD5.hexdigest(password)
# ruleid: ruby-weak-crypto
cipher = OpenSSL::Cipher.new("des-ede3")
# ok: ruby-weak-crypto
etag = Digest::MD5.hexdigest(body)
# ok: ruby-weak-crypto
cipher = OpenSSL::Cipher.new("aes-256-gcm")
