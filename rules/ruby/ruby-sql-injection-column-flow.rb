class UsersController < ApplicationController
  SORTABLE = %w[name created_at].freeze

  def index
    # ruleid: ruby-sql-injection-column-flow
    @sorted = User.order(params[:sort])
    # ruleid: ruby-sql-injection-column-flow
    @names = User.pluck("#{params[:col]}")
    # ok: ruby-sql-injection-column-flow
    @by_name = User.order(name: :asc)
    # ok: ruby-sql-injection-column-flow
    @recent = User.order("created_at DESC")
  end

  def sorted
    col = params[:sort]
    return head(:bad_request) unless SORTABLE.include?(col)
    # ok: ruby-sql-injection-column-flow
    @users = User.order(col)
  end
end
