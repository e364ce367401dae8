#!/bin/sh
# ruleid: shell-random-secret
DB_PASSWORD="pw$RANDOM$RANDOM"
# ruleid: shell-random-secret
api_token=${RANDOM}
# ok: shell-random-secret
DB_PASSWORD=$(openssl rand -hex 24)
# ok: shell-random-secret
PORT=$((RANDOM % 1000 + 8000))
