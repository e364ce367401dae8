# ruleid: ruby-weak-crypto
cipher = OpenSSL::Cipher.new("des-ede3-cbc")
# ruleid: ruby-weak-crypto
legacy = OpenSSL::Cipher.new("rc4")
# ok: ruby-weak-crypto
cipher = OpenSSL::Cipher.new("aes-256-gcm")
# ok: ruby-weak-crypto
desc = OpenSSL::Cipher.new(config.fetch(:cipher, "aes-128-gcm"))
