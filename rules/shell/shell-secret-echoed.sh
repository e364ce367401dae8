#!/bin/sh
# ruleid: shell-secret-echoed
echo "Using token $API_TOKEN"
# ruleid: shell-secret-echoed
printf 'password=%s\n' "$DB_PASSWORD" >&2
# ok: shell-secret-echoed
echo "$REGISTRY_PASSWORD" | docker login -u ci --password-stdin registry.example.com
# ok: shell-secret-echoed
echo "token file: $API_TOKEN_FILE"
# ok: shell-secret-echoed
printf '%s' "$NPM_TOKEN" > ~/.npmrc
# ok: shell-secret-echoed
echo "TOKEN is ${API_TOKEN:+set}"
