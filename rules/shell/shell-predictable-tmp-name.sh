#!/bin/sh
# ruleid: shell-predictable-tmp-name
OUT=/tmp/report.$$
# ruleid: shell-predictable-tmp-name
curl -so "/tmp/pkg-$RANDOM.tgz" "$URL"
# ok: shell-predictable-tmp-name
OUT=$(mktemp /tmp/report.XXXXXX)
# ok: shell-predictable-tmp-name
echo "pid $$" > "$OUT"
