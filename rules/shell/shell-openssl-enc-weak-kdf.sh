#!/bin/sh
# ruleid: shell-openssl-enc-weak-kdf
openssl enc -aes-256-cbc -salt -in backup.tar -out backup.tar.enc -pass env:BACKUP_KEY
# ok: shell-openssl-enc-weak-kdf
openssl enc -aes-256-cbc -pbkdf2 -iter 600000 -in backup.tar -out backup.tar.enc -pass env:BACKUP_KEY
# ok: shell-openssl-enc-weak-kdf
openssl enc -base64 -in cert.der -out cert.b64
