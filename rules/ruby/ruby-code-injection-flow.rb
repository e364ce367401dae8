class ReportsController < ApplicationController
  def calc
    expr = params[:expr]
    # ruleid: ruby-code-injection-flow
    result = eval(expr)
    # ruleid: ruby-code-injection-flow
    report = Report.public_send(params[:kind])
    # ruleid: ruby-code-injection-flow
    klass = params[:type].constantize
    # ok: ruby-code-injection-flow
    total = Report.public_send(:summary)
    # ok: ruby-code-injection-flow
    data = JSON.parse(params[:data])
    render json: [result, report, klass, total, data]
  end
end
