#!/bin/sh
# ruleid: shell-permissive-umask
umask 000
# ruleid: shell-permissive-umask
umask 0
# ok: shell-permissive-umask
umask 022
# ok: shell-permissive-umask
umask 077
# ok: shell-permissive-umask
umask 002
