http = Net::HTTP.new(host, 443)
http.use_ssl = true
# ruleid: ruby-tls-old-protocol
http.ssl_version = :TLSv1
# ruleid: ruby-tls-old-protocol
ctx.min_version = OpenSSL::SSL::TLS1_1_VERSION
# ruleid: ruby-tls-old-protocol
HTTParty.get(url, ssl_version: :SSLv3)
# ok: ruby-tls-old-protocol
http.ssl_version = :TLSv1_2
# ok: ruby-tls-old-protocol
ctx.min_version = OpenSSL::SSL::TLS1_2_VERSION
