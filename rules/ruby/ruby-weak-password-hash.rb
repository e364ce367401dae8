class User < ApplicationRecord
  def password=(password)
    # ruleid: ruby-weak-password-hash
    self.password_digest = Digest::MD5.hexdigest(password)
    # ruleid: ruby-weak-password-hash
    self.legacy_hash = Digest::SHA1.hexdigest(salt + password)
    # ok: ruby-weak-password-hash
    self.password_digest = BCrypt::Password.create(password)
    # ok: ruby-weak-password-hash
    self.etag = Digest::MD5.hexdigest(body)
    # ok: ruby-weak-password-hash
    self.pw_check = Digest::SHA256.hexdigest(password_reset_token)
  end
end
