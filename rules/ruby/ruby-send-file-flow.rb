class ExportsController < ApplicationController
  def show
    path = File.join(EXPORT_DIR, params[:name])
    # ruleid: ruby-send-file-flow
    send_file path
  end

  def checked
    full = File.expand_path(params[:name], EXPORT_DIR)
    raise ActionController::BadRequest unless full.start_with?(EXPORT_DIR + "/")
    # ok: ruby-send-file-flow
    send_file full
  end

  def base
    # ok: ruby-send-file-flow
    send_file File.join(EXPORT_DIR, File.basename(params[:name]))
  end
end

class DownloadsController < ApplicationController
  def show
    # ok: ruby-send-file-flow
    send_file("/srv/fixed.pdf", filename: params[:name])
    # ruleid: ruby-send-file-flow
    send_file params[:name], disposition: "inline"
  end
end
