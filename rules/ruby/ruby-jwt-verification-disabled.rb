class ApiController < ApplicationController
  def current_user
    token = request.headers["Authorization"].to_s.split.last
    # ruleid: ruby-jwt-verification-disabled
    payload, _ = JWT.decode(token, nil, false)
    # ruleid: ruby-jwt-verification-disabled
    claims = JWT.decode(token, Rails.application.secret_key_base, false).first
    # ok: ruby-jwt-verification-disabled
    payload, _ = JWT.decode(token, hmac_secret, true, { algorithm: "HS256" })
    # ok: ruby-jwt-verification-disabled
    decoded = JWT.decode(token, hmac_secret, true, { verify_iat: false, algorithm: "HS256" })
    User.find(payload["sub"] || claims["sub"] || decoded.first["sub"])
  end
end
