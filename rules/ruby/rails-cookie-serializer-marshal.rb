# ruleid: rails-cookie-serializer-marshal
Rails.application.config.action_dispatch.cookies_serializer = :marshal
# ruleid: rails-cookie-serializer-marshal
verifier = ActiveSupport::MessageVerifier.new(secret, serializer: Marshal)
# ok: rails-cookie-serializer-marshal
Rails.application.config.action_dispatch.cookies_serializer = :json
# ok: rails-cookie-serializer-marshal
verifier = ActiveSupport::MessageVerifier.new(secret, serializer: JSON)
