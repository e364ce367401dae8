class App < Sinatra::Base
  # ruleid: sinatra-protection-disabled
  set :protection, false
  # ruleid: sinatra-protection-disabled
  disable :protection
  # ok: sinatra-protection-disabled
  set :protection, except: :frame_options
  # ok: sinatra-protection-disabled
  enable :sessions
end
