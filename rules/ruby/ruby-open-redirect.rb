class SessionsController < ApplicationController
  def create
    target = params[:next]
    # ruleid: ruby-open-redirect
    redirect_to target
  end

  def done
    # ok: ruby-open-redirect
    redirect_to url_from(params[:next]) || root_path
  end

  def home
    # ok: ruby-open-redirect
    redirect_to root_path
  end
end
