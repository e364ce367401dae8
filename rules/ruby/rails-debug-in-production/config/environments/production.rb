# ruleid: rails-debug-in-production
config.consider_all_requests_local = true
# ok: rails-debug-in-production
config.consider_all_requests_local = false
