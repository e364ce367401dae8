#!/bin/sh
# ruleid: shell-find-exec-sh-placeholder
find uploads -name '*.png' -exec sh -c "convert {} {}.jpg" \;
# ruleid: shell-find-exec-sh-placeholder
ls incoming | xargs -I{} bash -c 'process {} && mv {} done/'
# ok: shell-find-exec-sh-placeholder
find uploads -name '*.png' -exec sh -c 'convert "$1" "$1.jpg"' _ {} \;
# ok: shell-find-exec-sh-placeholder
find logs -name '*.log' -exec gzip {} +
