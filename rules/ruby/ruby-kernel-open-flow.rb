class ImportsController < ApplicationController
  def create
    src = params[:source]
    # ruleid: ruby-kernel-open-flow
    data = open(src).read
    # ruleid: ruby-kernel-open-flow
    lines = open "/srv/imports/#{params[:name]}"
    # ok: ruby-kernel-open-flow
    fixed = open("/srv/imports/default.csv").read
    # ok: ruby-kernel-open-flow
    local = File.open(File.join("/srv/imports", File.basename(src))).read
    render plain: [data, lines, fixed, local].join
  end
end
