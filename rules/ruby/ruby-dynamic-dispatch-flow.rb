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

  def react
    object_type = params[:object_type]
    unless REACTABLE_TYPES.include?(object_type)
      render_403
      return
    end
    # ok: ruby-dynamic-dispatch-flow
    @object = object_type.constantize.find(params[:object_id])
  end
end
