#!/bin/sh
# ruleid: shell-ssh-host-key-check-disabled
ssh -o StrictHostKeyChecking=no deploy@app01 ./deploy.sh
# ruleid: shell-ssh-host-key-check-disabled
scp -o UserKnownHostsFile=/dev/null build.tgz deploy@app01:/srv/
# ok: shell-ssh-host-key-check-disabled
ssh -o StrictHostKeyChecking=yes deploy@app01 ./deploy.sh
# ok: shell-ssh-host-key-check-disabled
ssh -o StrictHostKeyChecking=accept-new deploy@app01 uptime
