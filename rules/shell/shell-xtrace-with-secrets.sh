#!/bin/bash
# ruleid: shell-xtrace-with-secrets
set -euxo pipefail
curl -H "PRIVATE-TOKEN: ${DEPLOY_TOKEN}" "$API/projects"
set +x
# ok: shell-xtrace-with-secrets
set -euo pipefail
