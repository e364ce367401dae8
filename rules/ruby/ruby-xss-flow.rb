class GreetingsController < ApplicationController
  def show
    name = params[:name]
    html = "<h1>Hello #{name}</h1>"
    # ruleid: ruby-xss-flow
    render html: html.html_safe
  end

  def safe
    name = params[:name]
    # ok: ruby-xss-flow
    render html: "<h1>Hello #{ERB::Util.html_escape(name)}</h1>".html_safe
  end

  def fixed
    # ok: ruby-xss-flow
    render html: "<h1>Hello</h1>".html_safe
  end
end
