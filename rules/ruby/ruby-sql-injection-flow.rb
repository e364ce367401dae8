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

class TaxonsController < ApplicationController
  def autocomplete
    # ok: ruby-sql-injection-flow
    @taxons = Taxon.where(Taxon.arel_table[:name].matches("%#{params[:keywords]}%"))
    products = Product.where("name LIKE ?", "%#{params[:q]}%")
    # ok: ruby-sql-injection-flow
    @all = products.or(Product.where(available_on: nil))
  end
end
