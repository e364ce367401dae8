#!/bin/sh
# ruleid: shell-openssl-weak-cipher
openssl enc -des3 -salt -in backup.tar -out backup.tar.enc -pass env:BACKUP_KEY
# ruleid: shell-openssl-weak-cipher
openssl enc -aes-128-ecb -in data.bin -out data.enc -K "$KEY"
# ok: shell-openssl-weak-cipher
openssl enc -aes-256-cbc -pbkdf2 -iter 600000 -in backup.tar -out backup.tar.enc -pass env:BACKUP_KEY
