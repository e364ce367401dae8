#!/bin/sh
# ruleid: shell-sudoers-nopasswd
echo "deploy ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/deploy
# ok: shell-sudoers-nopasswd
echo "deploy ALL=(root) NOPASSWD: /usr/bin/systemctl restart app" > /etc/sudoers.d/deploy
