Rails.application.configure do
  # ruleid: rails-web-console-exposed
  config.web_console.allowed_ips = "0.0.0.0/0"
  # ruleid: rails-web-console-exposed
  config.web_console.development_only = false
  # ok: rails-web-console-exposed
  config.web_console.allowed_ips = "192.168.0.0/16"
end
# ruleid: rails-web-console-exposed
BetterErrors::Middleware.allow_ip! "0.0.0.0/0"
# ok: rails-web-console-exposed
BetterErrors::Middleware.allow_ip! "10.0.2.2"
