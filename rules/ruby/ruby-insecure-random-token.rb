class User < ApplicationRecord
  def generate_tokens
    # ruleid: ruby-insecure-random-token
    self.reset_token = rand(36**20).to_s(36)
    # ruleid: ruby-insecure-random-token
    self.otp = Random.rand(100_000..999_999).to_s
    # ruleid: ruby-insecure-random-token
    temp_password = (("a".."z").to_a + ("0".."9").to_a).sample(12).join
    # ruleid: ruby-insecure-random-token
    self.api_key = Digest::SHA1.hexdigest(Time.now.to_s)
    # ok: ruby-insecure-random-token
    self.reset_token = SecureRandom.urlsafe_base64(32)
    # ok: ruby-insecure-random-token
    self.otp = SecureRandom.random_number(1_000_000).to_s.rjust(6, "0")
    # ok: ruby-insecure-random-token
    delay = rand(5)
    # ok: ruby-insecure-random-token
    featured = Post.all.sample(3)
    temp_password
  end
end
