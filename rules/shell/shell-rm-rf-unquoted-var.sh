#!/bin/sh
# ruleid: shell-rm-rf-unquoted-var
rm -rf $CACHE_DIR
# ruleid: shell-rm-rf-unquoted-var
rm -r -f $1 && echo done
# ok: shell-rm-rf-unquoted-var
rm -rf -- "$CACHE_DIR"
# ok: shell-rm-rf-unquoted-var
rm -f $PIDFILE
