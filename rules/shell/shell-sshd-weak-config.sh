#!/bin/sh
# ruleid: shell-sshd-weak-config
echo "PermitRootLogin yes" >> /etc/ssh/sshd_config
# ruleid: shell-sshd-weak-config
sed -i 's/^#\?PasswordAuthentication .*/PasswordAuthentication yes/' /etc/ssh/sshd_config
# ok: shell-sshd-weak-config
sed -i 's/PermitRootLogin yes/PermitRootLogin no/' /etc/ssh/sshd_config
# ok: shell-sshd-weak-config
echo "PasswordAuthentication no" >> /etc/ssh/sshd_config
