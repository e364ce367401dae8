# ruleid: ruby-bcrypt-low-cost
BCrypt::Engine.cost = 4
# ruleid: ruby-bcrypt-low-cost
hash = BCrypt::Password.create(password, cost: 5)
# ok: ruby-bcrypt-low-cost
hash = BCrypt::Password.create(password, cost: 12)
# ok: ruby-bcrypt-low-cost
BCrypt::Engine.cost = 12
Devise.setup do |config|
  # ruleid: ruby-bcrypt-low-cost
  config.stretches = 1
  # ok: ruby-bcrypt-low-cost
  config.stretches = Rails.env.test? ? 1 : 12
end
