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
