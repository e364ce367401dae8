# ruleid: ruby-pbkdf2-low-iterations
key = OpenSSL::PKCS5.pbkdf2_hmac(password, salt, 1000, 32, OpenSSL::Digest.new("SHA256"))
# ruleid: ruby-pbkdf2-low-iterations
key = OpenSSL::KDF.pbkdf2_hmac(password, salt: salt, iterations: 5000, length: 32, hash: "sha256")
# ok: ruby-pbkdf2-low-iterations
key = OpenSSL::PKCS5.pbkdf2_hmac(password, salt, 600_000, 32, OpenSSL::Digest.new("SHA256"))
# ok: ruby-pbkdf2-low-iterations
key = OpenSSL::KDF.pbkdf2_hmac(password, salt: salt, iterations: 210000, length: 32, hash: "sha512")
