# ruleid: ruby-sql-injection
User.where("name = '#{params[:name]}'")
# ruleid: ruby-sql-injection
ActiveRecord::Base.connection.execute("DELETE FROM carts WHERE id = " + id)
# ok: ruby-sql-injection
User.where("name = ?", params[:name])
# ok: ruby-sql-injection
User.where(name: params[:name])
