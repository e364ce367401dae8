class UsersController < ApplicationController
  def index
    name = params[:name]
    cond = "name = '" + name + "'"
    # ruleid: ruby-sql-injection-flow
    @users = User.where(cond)
    # ruleid: ruby-sql-injection-flow
    @gone = User.where("deleted_at < '#{params[:before]}'").delete_all
    # ok: ruby-sql-injection-flow
    @safe = User.where("name = ?", name)
    # ok: ruby-sql-injection-flow
    @hash = User.where(name: params[:name])
    limit = params[:limit].to_i
    # ok: ruby-sql-injection-flow
    @top = User.find_by_sql("SELECT * FROM users LIMIT #{limit}")
  end
end
