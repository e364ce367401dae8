class PreviewsController < ApplicationController
  def show
    url = params[:url]
    # ruleid: ruby-ssrf-flow
    body = Net::HTTP.get(URI(url))
    # ruleid: ruby-ssrf-flow
    res = HTTParty.get(params[:webhook])
    # ok: ruby-ssrf-flow
    status = HTTParty.get("https://api.example.com/status")
    render plain: body + res.body + status.body
  end

  def checked
    url = params[:url]
    raise ActionController::BadRequest unless ALLOWED_HOSTS.include?(URI.parse(url).host)
    # ok: ruby-ssrf-flow
    render plain: HTTParty.get(url).body
  end
end
