Rails.application.configure do
  # ok: rails-force-ssl-disabled
  config.force_ssl = false
end
