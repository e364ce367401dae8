#!/bin/sh
# ruleid: shell-fixed-tmp-write
env > /tmp/env.txt
# ruleid: shell-fixed-tmp-write
generate_config | tee /tmp/app.conf
# ok: shell-fixed-tmp-write
env > "$(mktemp)"
# ok: shell-fixed-tmp-write
cat /tmp/app.conf
# ok: shell-fixed-tmp-write
run 2>/dev/null
