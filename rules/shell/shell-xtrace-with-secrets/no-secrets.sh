#!/bin/bash
# ok: shell-xtrace-with-secrets
set -ex
make build
./run-tests.sh "$CI_COMMIT_SHA"
