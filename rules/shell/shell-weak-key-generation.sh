#!/bin/sh
# ruleid: shell-weak-key-generation
openssl genrsa -out server.key 1024
# ruleid: shell-weak-key-generation
openssl req -x509 -newkey rsa:1024 -keyout key.pem -out cert.pem -days 365 -nodes
# ruleid: shell-weak-key-generation
ssh-keygen -t dsa -f deploy_key -N ''
# ok: shell-weak-key-generation
openssl genrsa -out server.key 3072
# ok: shell-weak-key-generation
ssh-keygen -t ed25519 -f deploy_key -N ''
