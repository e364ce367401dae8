# ruleid: ruby-ssrf
body = URI.open(params[:url]).read
# ruleid: ruby-ssrf
response = HTTParty.get(params[:callback_url])
# ok: ruby-ssrf
response = HTTParty.get("#{API_BASE}/users/#{user.id}")
