class WebhooksController < ApplicationController
  def create
    expected = OpenSSL::HMAC.hexdigest("SHA256", secret, request.raw_post)
    # ruleid: ruby-timing-unsafe-compare
    head :unauthorized unless request.headers["X-Hub-Signature"] == expected
    # ruleid: ruby-timing-unsafe-compare
    ok = params[:sig] == OpenSSL::HMAC.hexdigest("SHA256", secret, payload)
    # ok: ruby-timing-unsafe-compare
    head :unauthorized unless ActiveSupport::SecurityUtils.secure_compare(request.headers["X-Hub-Signature"], expected)
    # ok: ruby-timing-unsafe-compare
    head :bad_request if params[:signature] == nil
    ok
  end
end
