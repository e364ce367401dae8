class DownloadsController < ApplicationController
  def show
    # ruleid: ruby-header-injection-flow
    response.headers["X-Download-Name"] = params[:name]
    # ok: ruby-header-injection-flow
    response.headers["X-Clean-Name"] = params[:name].to_s.delete("\r\n")
    # ok: ruby-header-injection-flow
    response.headers["Cache-Control"] = "no-store"
  end
end

class App < Sinatra::Base
  get "/r" do
    lang = params[:lang]
    # ruleid: ruby-header-injection-flow
    headers["Content-Language"] = lang
    "ok"
  end
end

class PromotionCodesController < ApplicationController
  def index
    promotion = Promotion.find(params[:promotion_id])
    filename = "promotion-codes-#{promotion.id}.csv"
    # ok: ruby-header-injection-flow
    headers["Content-Disposition"] = "attachment; filename=\"#{filename}\""
  end
end

class Tracer
  def call(env)
    status, headers, body = @app.call(env)
    # ok: ruby-header-injection-flow
    headers["X-Route"] = env["sinatra.route"]
    # ruleid: ruby-header-injection-flow
    headers["X-Echo"] = env["HTTP_X_ECHO"]
    [status, headers, body]
  end
end
