ctx = OpenSSL::SSL::SSLContext.new
# ruleid: ruby-tls-hostname-check-disabled
ctx.verify_hostname = false
# ok: ruby-tls-hostname-check-disabled
ctx.verify_hostname = true
# ok: ruby-tls-hostname-check-disabled
ctx.verify_mode = OpenSSL::SSL::VERIFY_PEER
