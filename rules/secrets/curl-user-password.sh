# ruleid: curl-user-password
curl -u deployer:Rk7vN2qW9xL4mT8s -T build.zip https://artifacts.corp.internal/upload/
# ruleid: curl-user-password
curl -sS --user "svc_backup:b8Xq2LmZ5rTn" -X POST https://backup.corp.internal/run
# ruleid: curl-user-password
curl --user=ops:Wm4kR9tPz2Qx https://metrics.corp.internal/api/v1/query
# ok: curl-user-password
curl -u "$NEXUS_USER:$NEXUS_PASSWORD" -T build.zip https://artifacts.corp.internal/upload/
# ok: curl-user-password
curl -u user:password https://example.com/api
# ok: curl-user-password
curl -u "${CI_REGISTRY_USER}:${CI_REGISTRY_PASSWORD}" https://registry.corp.internal/v2/
# ok: curl-user-password
curl -u deployer: https://artifacts.corp.internal/upload/
