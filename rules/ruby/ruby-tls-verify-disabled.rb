# ruleid: ruby-tls-verify-disabled
http.verify_mode = OpenSSL::SSL::VERIFY_NONE
# ruleid: ruby-tls-verify-disabled
conn = Faraday.new(url: url, ssl: { verify: false })
# ok: ruby-tls-verify-disabled
http.verify_mode = OpenSSL::SSL::VERIFY_PEER
# ruleid: ruby-tls-verify-disabled
# fixed: http.verify_mode = OpenSSL::SSL::VERIFY_PEER
http.verify_mode = OpenSSL::SSL::VERIFY_NONE
