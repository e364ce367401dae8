#!/bin/sh
# ruleid: shell-plain-http-download
wget http://downloads.example.com/tool/tool-1.2.tar.gz
# ruleid: shell-plain-http-download
curl -fsSLo /usr/share/keyrings/vendor.gpg http://repo.example.com/key.gpg
# ok: shell-plain-http-download
curl -fsSLo tool.tar.gz https://downloads.example.com/tool/tool-1.2.tar.gz
# ok: shell-plain-http-download
curl -s http://localhost:8080/healthz
# ok: shell-plain-http-download
curl -s http://127.0.0.1:9000/dump.tar.gz -o dump.tar.gz
