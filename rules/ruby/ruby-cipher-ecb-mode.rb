# ruleid: ruby-cipher-ecb-mode
cipher = OpenSSL::Cipher.new("aes-128-ecb")
# ruleid: ruby-cipher-ecb-mode
legacy = OpenSSL::Cipher::AES.new(256, :ECB)
# ok: ruby-cipher-ecb-mode
cipher = OpenSSL::Cipher.new("aes-256-gcm")
# ok: ruby-cipher-ecb-mode
cbc = OpenSSL::Cipher::AES.new(256, :CBC)
