#!/bin/bash
# ruleid: shell-sudo-variable-command
sudo $CMD
# ruleid: shell-sudo-variable-command
sudo -u deploy "$@"
# ruleid: shell-sudo-variable-command
sudo sh -c "echo $LINE >> /etc/hosts"
# ok: shell-sudo-variable-command
sudo systemctl restart "$SERVICE"
# ok: shell-sudo-variable-command
sudo -u postgres psql -c 'SELECT 1'
# ok: shell-sudo-variable-command
sudo sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
# ok: shell-sudo-variable-command
printf "  Error: please try \"%s\"\n" "sudo ${UPDATE_PKG_CACHE}"
# ruleid: shell-sudo-variable-command
if [ -n "$X" ]; then sudo $CMD; fi
# ok: shell-sudo-variable-command
sudo sh -c "$1"
