Rails.application.configure do
  # ok: rails-debug-in-production
  config.consider_all_requests_local = true
end
