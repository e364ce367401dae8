class ApiController < ApplicationController
  after_action :cors

  def cors
    # ruleid: ruby-cors-reflected-origin
    response.headers["Access-Control-Allow-Origin"] = request.headers["Origin"]
    response.headers["Access-Control-Allow-Credentials"] = "true"
  end

  def cors_checked
    origin = request.headers["Origin"]
    # ok: ruby-cors-reflected-origin
    response.headers["Access-Control-Allow-Origin"] = origin if ALLOWED_ORIGINS.include?(origin)
    # ok: ruby-cors-reflected-origin
    response.headers["Access-Control-Allow-Origin"] = "https://app.example.com"
  end
end

Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    # ruleid: ruby-cors-reflected-origin
    origins { |source, env| true }
    resource "*", headers: :any, methods: :any, credentials: true
  end
  allow do
    # ok: ruby-cors-reflected-origin
    origins "https://app.example.com"
    resource "/api/*", credentials: true
  end
end
