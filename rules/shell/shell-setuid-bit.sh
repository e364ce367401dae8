#!/bin/sh
# ruleid: shell-setuid-bit
chmod u+s /usr/local/bin/backup
# ruleid: shell-setuid-bit
chmod 4755 /usr/local/bin/backup
# ok: shell-setuid-bit
chmod 0755 /usr/local/bin/backup
# ok: shell-setuid-bit
chmod g+s /srv/shared
# ok: shell-setuid-bit
chmod 1777 /srv/scratch
