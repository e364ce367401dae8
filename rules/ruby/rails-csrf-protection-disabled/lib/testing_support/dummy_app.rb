class DummyApp < Rails::Application
  # ok: rails-csrf-protection-disabled
  config.action_controller.allow_forgery_protection = false
end
