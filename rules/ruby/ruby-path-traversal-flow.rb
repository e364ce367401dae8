class ExportsController < ApplicationController
  def show
    path = File.join(EXPORT_DIR, params[:name])
    # ruleid: ruby-path-traversal-flow
    send_file path
  end

  def read
    # ruleid: ruby-path-traversal-flow
    data = File.read(File.join(EXPORT_DIR, params[:name]))
    # ok: ruby-path-traversal-flow
    safe = File.read(File.join(EXPORT_DIR, File.basename(params[:name])))
    # ok: ruby-path-traversal-flow
    fixed = File.read(File.join(EXPORT_DIR, "index.csv"))
    render plain: data + safe + fixed
  end

  def checked
    full = File.expand_path(params[:name], EXPORT_DIR)
    raise ActionController::BadRequest unless full.start_with?(EXPORT_DIR + "/")
    # ok: ruby-path-traversal-flow
    send_file full
  end
end

class DownloadsController < ApplicationController
  def show
    # ok: ruby-path-traversal-flow
    send_file("/srv/fixed.pdf", filename: params[:name])
    # ruleid: ruby-path-traversal-flow
    send_file params[:name], disposition: "inline"
  end
end
