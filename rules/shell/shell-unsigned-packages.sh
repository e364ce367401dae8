#!/bin/sh
# ruleid: shell-unsigned-packages
apt-get install -y --allow-unauthenticated vendor-agent
# ruleid: shell-unsigned-packages
echo "deb [trusted=yes] http://repo.example.com/apt stable main" > /etc/apt/sources.list.d/vendor.list
# ruleid: shell-unsigned-packages
yum install -y --nogpgcheck vendor-agent
# ok: shell-unsigned-packages
echo "deb [signed-by=/usr/share/keyrings/vendor.gpg] https://repo.example.com/apt stable main" > /etc/apt/sources.list.d/vendor.list
# ok: shell-unsigned-packages
apt-get install -y --no-install-recommends vendor-agent
