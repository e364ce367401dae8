#!/bin/sh
# ruleid: shell-security-control-disabled
setenforce 0
# ruleid: shell-security-control-disabled
sed -i 's/^SELINUX=enforcing/SELINUX=disabled/' /etc/selinux/config
# ruleid: shell-security-control-disabled
systemctl disable --now firewalld
# ok: shell-security-control-disabled
firewall-cmd --permanent --add-port=8443/tcp
# ok: shell-security-control-disabled
systemctl restart firewalld
