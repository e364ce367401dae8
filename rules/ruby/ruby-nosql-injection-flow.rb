class UsersController < ApplicationController
  def login
    users = Mongo::Client.new(ENV.fetch("MONGO_URL"))[:users]
    # ruleid: ruby-nosql-injection-flow
    user = users.find(name: params[:name], password: params[:password]).first
    # ok: ruby-nosql-injection-flow
    same = users.find(name: params[:name].to_s, password: params[:password].to_s).first
    render json: [user, same]
  end

  def search
    client = Mongo::Client.new(MONGO_URL)
    # ruleid: ruby-nosql-injection-flow
    docs = client[:posts].find("$where" => "this.title == '#{params[:q]}'")
    # ok: ruby-nosql-injection-flow
    ok = client[:posts].find(title: "welcome")
    render json: [docs, ok]
  end
end
