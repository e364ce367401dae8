class ReportsController < ApplicationController
  FORMATS = { "csv" => :to_csv, "pdf" => :to_pdf }.freeze

  def show
    report = Report.find(params[:id])
    # ruleid: ruby-dynamic-dispatch-flow
    out = report.public_send(params[:kind])
    # ruleid: ruby-dynamic-dispatch-flow
    klass = params[:type].constantize
    # ruleid: ruby-dynamic-dispatch-flow
    report.send("#{params[:field]}=", params[:value])
    # ok: ruby-dynamic-dispatch-flow
    total = report.public_send(:summary)
    # ok: ruby-dynamic-dispatch-flow
    body = report.public_send(FORMATS.fetch(params[:format]))
    render json: [out, klass, total, body]
  end
end
