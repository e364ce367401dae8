#!/bin/sh
# ruleid: shell-cli-tls-verification-disabled
kubectl --insecure-skip-tls-verify apply -f deploy.yaml
# ruleid: shell-cli-tls-verification-disabled
aws s3 cp build.tgz s3://artifacts/ --no-verify-ssl
# ruleid: shell-cli-tls-verification-disabled
skopeo copy --src-tls-verify=false docker://reg.local/app:1 docker://reg.example.com/app:1
# ok: shell-cli-tls-verification-disabled
kubectl --certificate-authority=/etc/ca.pem apply -f deploy.yaml
# ok: shell-cli-tls-verification-disabled
kubectl --insecure-skip-tls-verify=false get pods
