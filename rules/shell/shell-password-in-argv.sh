#!/bin/sh
# ruleid: shell-password-in-argv
sshpass -p "$DEPLOY_PASSWORD" ssh deploy@app01 uptime
# ruleid: shell-password-in-argv
mysqldump -u backup -p"$DB_PASSWORD" shop > shop.sql
# ruleid: shell-password-in-argv
docker login -u ci -p "$REGISTRY_PASSWORD" registry.example.com
# ok: shell-password-in-argv
echo "$REGISTRY_PASSWORD" | docker login -u ci --password-stdin registry.example.com
# ok: shell-password-in-argv
SSHPASS="$DEPLOY_PASSWORD" sshpass -e ssh deploy@app01 uptime
# ok: shell-password-in-argv
mysql -u app -P 3306 -h db shop < schema.sql
