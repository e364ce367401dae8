class GreetingsController < ApplicationController
  def show
    tpl = "Hello #{params[:name]}"
    # ruleid: ruby-template-injection-flow
    html = ERB.new(tpl).result(binding)
    # ruleid: ruby-template-injection-flow
    render inline: params[:template]
    # ok: ruby-template-injection-flow
    safe = ERB.new("Hello <%= name %>").result_with_hash(name: params[:name])
    # ok: ruby-template-injection-flow
    render :show, locals: { name: params[:name] }
  end
end

class App < Sinatra::Base
  get "/hello" do
    # ruleid: ruby-template-injection-flow
    erb "<h1>Hello #{params[:name]}</h1>"
  end

  get "/page" do
    # ok: ruby-template-injection-flow
    erb :page, locals: { name: params[:name] }
  end
end
