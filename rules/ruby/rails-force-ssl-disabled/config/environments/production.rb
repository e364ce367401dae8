Rails.application.configure do
  # ruleid: rails-force-ssl-disabled
  config.force_ssl = false
  # ok: rails-force-ssl-disabled
  # config.force_ssl = false
  # ok: rails-force-ssl-disabled
  config.force_ssl = true
end
