#!/bin/sh
# ruleid: shell-ssh-keyscan-trust
ssh-keyscan -H gitlab.example.com >> ~/.ssh/known_hosts
# ok: shell-ssh-keyscan-trust
echo "$SSH_KNOWN_HOSTS" >> ~/.ssh/known_hosts
# ok: shell-ssh-keyscan-trust
ssh-keyscan gitlab.example.com | ssh-keygen -lf -
