#!/bin/sh
# ruleid: shell-docker-tcp-unencrypted
dockerd -H unix:///var/run/docker.sock -H tcp://0.0.0.0:2375 &
# ok: shell-docker-tcp-unencrypted
dockerd -H tcp://0.0.0.0:2376 --tlsverify --tlscacert=ca.pem --tlscert=cert.pem --tlskey=key.pem &
