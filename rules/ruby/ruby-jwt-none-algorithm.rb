require "jwt"
# ruleid: ruby-jwt-none-algorithm
token = JWT.encode(payload, nil, "none")
# ruleid: ruby-jwt-none-algorithm
decoded = JWT.decode(token, key, true, { algorithms: ["HS256", "none"] })
# ok: ruby-jwt-none-algorithm
token = JWT.encode(payload, hmac_secret, "HS256")
# ok: ruby-jwt-none-algorithm
decoded = JWT.decode(token, hmac_secret, true, { algorithm: "HS256" })
