# ruleid: ruby-path-traversal
send_file Rails.root.join("uploads", params[:name])
# ruleid: ruby-path-traversal
data = File.read("/srv/exports/#{params[:file]}")
# ok: ruby-path-traversal
send_file Rails.root.join("uploads", File.basename(params[:name]))
