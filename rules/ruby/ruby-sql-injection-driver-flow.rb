class ReportsController < ApplicationController
  def index
    id = params[:id]
    sql = "SELECT * FROM reports WHERE owner = '#{params[:owner]}'"
    # ruleid: ruby-sql-injection-driver-flow
    rows = ActiveRecord::Base.connection.execute(sql)
    # ruleid: ruby-sql-injection-driver-flow
    more = ActiveRecord::Base.connection.select_all("SELECT * FROM t WHERE id = " + id)
    # ok: ruby-sql-injection-driver-flow
    safe = ActiveRecord::Base.connection.exec_query("SELECT * FROM t WHERE id = $1", "q", [id])
    quoted = ActiveRecord::Base.connection.quote(params[:owner])
    # ok: ruby-sql-injection-driver-flow
    also = ActiveRecord::Base.connection.select_all("SELECT * FROM t WHERE owner = #{quoted}")
    n = params[:n].to_i
    # ok: ruby-sql-injection-driver-flow
    top = ActiveRecord::Base.connection.select_all("SELECT * FROM t LIMIT #{n}")
    render json: [rows, more, safe, also, top]
  end
end

class App < Sinatra::Base
  get "/users" do
    name = params[:name]
    # ruleid: ruby-sql-injection-driver-flow
    conn.exec("SELECT * FROM users WHERE name = '#{name}'")
    # ok: ruby-sql-injection-driver-flow
    conn.exec_params("SELECT * FROM users WHERE name = $1", [name])
  end
end

def report(conn)
  table = ENV.fetch("REPORT_TABLE")
  # ok: ruby-sql-injection-driver-flow
  conn.exec("SELECT count(*) FROM #{table}")
end
