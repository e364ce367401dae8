import ssl

from OpenSSL import SSL

# ruleid: python-tls-old-protocol
ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
# ruleid: python-tls-old-protocol
octx = SSL.Context(SSL.TLSv1_METHOD)
good = ssl.create_default_context()
# ruleid: python-tls-old-protocol
good.minimum_version = ssl.TLSVersion.TLSv1
# ok: python-tls-old-protocol
good.minimum_version = ssl.TLSVersion.TLSv1_2
# ok: python-tls-old-protocol
client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
