class UsersController < ApplicationController
  def index
    name = params[:name]
    cond = "name = '" + name + "'"
    # ruleid: ruby-sql-injection-flow
    @users = User.where(cond)
    # ruleid: ruby-sql-injection-flow
    @sorted = User.order(params[:sort])
    # ok: ruby-sql-injection-flow
    @safe = User.where("name = ?", name)
    # ok: ruby-sql-injection-flow
    @hash = User.where(name: params[:name])
    limit = params[:limit].to_i
    # ok: ruby-sql-injection-flow
    @top = User.find_by_sql("SELECT * FROM users LIMIT #{limit}")
  end
end
