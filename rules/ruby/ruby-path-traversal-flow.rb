class ExportsController < ApplicationController
  def read
    # ruleid: ruby-path-traversal-flow
    data = File.read(File.join(EXPORT_DIR, params[:name]))
    # ok: ruby-path-traversal-flow
    safe = File.read(File.join(EXPORT_DIR, File.basename(params[:name])))
    # ok: ruby-path-traversal-flow
    fixed = File.read(File.join(EXPORT_DIR, "index.csv"))
    render plain: data + safe + fixed
  end

  def remove
    full = File.expand_path(params[:name], EXPORT_DIR)
    raise ActionController::BadRequest unless full.start_with?(EXPORT_DIR + "/")
    # ok: ruby-path-traversal-flow
    FileUtils.rm_f(full)
    # ruleid: ruby-path-traversal-flow
    FileUtils.rm_f(File.join(EXPORT_DIR, params[:other]))
  end

  def page
    # ruleid: ruby-path-traversal-flow
    render file: "/srv/pages/#{params[:page]}"
  end
end
