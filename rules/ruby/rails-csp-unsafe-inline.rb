Rails.application.config.content_security_policy do |policy|
  policy.default_src :self, :https
  # ruleid: rails-csp-unsafe-inline
  policy.script_src :self, :https, :unsafe_inline
  # ok: rails-csp-unsafe-inline
  policy.style_src :self, :https, :unsafe_inline
  # ok: rails-csp-unsafe-inline
  policy.script_src :self, :https
end
