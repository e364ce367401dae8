# ruleid: ruby-insecure-cookie
cookies[:remember] = { value: token, httponly: false }
# ruleid: ruby-insecure-cookie
Rails.application.config.session_store :cookie_store, key: "_app", secure: false
# ok: ruby-insecure-cookie
cookies[:remember] = { value: token, httponly: true, secure: true }
