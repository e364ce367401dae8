#!/bin/sh
# ruleid: shell-path-includes-cwd
export PATH=.:$PATH
# ruleid: shell-path-includes-cwd
PATH="$PATH:"
# ruleid: shell-path-includes-cwd
export PATH=/opt/tool/bin::$PATH
# ok: shell-path-includes-cwd
export PATH="/opt/tool/bin:$PATH"
# ok: shell-path-includes-cwd
export PATH=$HOME/.local/bin:$PATH
