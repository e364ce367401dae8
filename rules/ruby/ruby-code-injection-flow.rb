class ReportsController < ApplicationController
  def calc
    expr = params[:expr]
    # ruleid: ruby-code-injection-flow
    result = eval(expr)
    # ruleid: ruby-code-injection-flow
    Report.class_eval("def #{params[:name]}; end")
    # ok: ruby-code-injection-flow
    total = eval("1 + 2")
    # ok: ruby-code-injection-flow
    data = JSON.parse(params[:data])
    # ok: ruby-code-injection-flow
    Report.class_eval { attr_reader :summary }
    render json: [result, total, data]
  end
end
