class App < Sinatra::Base
  # ruleid: sinatra-show-exceptions-enabled
  set :show_exceptions, true
  # ok: sinatra-show-exceptions-enabled
  set :show_exceptions, false

  configure :development do
    # ok: sinatra-show-exceptions-enabled
    enable :show_exceptions
  end

  configure :production do
    # ruleid: sinatra-show-exceptions-enabled
    enable :show_exceptions
  end
end
