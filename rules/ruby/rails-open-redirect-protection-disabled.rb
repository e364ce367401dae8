Rails.application.configure do
  # ruleid: rails-open-redirect-protection-disabled
  config.action_controller.raise_on_open_redirects = false
  # ok: rails-open-redirect-protection-disabled
  config.action_controller.raise_on_open_redirects = true
end
