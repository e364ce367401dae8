class SessionsController < ApplicationController
  def create
    user = params[:user]
    # ruleid: ruby-log-injection-flow
    Rails.logger.info "login attempt for #{user}"
    # ruleid: ruby-log-injection-flow
    logger.warn("bad token " + params[:token])
    # ok: ruby-log-injection-flow
    Rails.logger.info "login attempt for #{user.inspect}"
    # ok: ruby-log-injection-flow
    logger.info("login attempt")
  end
end
