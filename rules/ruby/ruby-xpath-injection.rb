class UsersController < ApplicationController
  def find
    expr = "//user[@name='#{params[:name]}']"
    # ruleid: ruby-xpath-injection
    nodes = DOC.xpath(expr)
    # ok: ruby-xpath-injection
    all = DOC.xpath("//user")
    render plain: (nodes.size + all.size).to_s
  end
end
