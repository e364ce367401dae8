#!/bin/sh
# ruleid: shell-mktemp-dry-run
tmp=$(mktemp -u /tmp/build.XXXXXX)
# ruleid: shell-mktemp-dry-run
fifo=$(mktemp --dry-run)
# ok: shell-mktemp-dry-run
tmp=$(mktemp)
# ok: shell-mktemp-dry-run
dir=$(mktemp -d -t build.XXXXXX)
