#!/bin/sh
# ruleid: shell-container-host-privileges
docker run --rm --privileged -v "$PWD:/src" builder:1.4 make
# ruleid: shell-container-host-privileges
docker run -d -v /var/run/docker.sock:/var/run/docker.sock agent:2.1
# ok: shell-container-host-privileges
docker run --rm --cap-add NET_BIND_SERVICE -p 80:80 web:1.0
# ok: shell-container-host-privileges
docker run --rm -v "$PWD:/src" builder:1.4 make
