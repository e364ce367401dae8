#!/bin/sh
# ruleid: shell-rm-rf-empty-var-root
rm -rf "$BUILD_DIR"/*
# ruleid: shell-rm-rf-empty-var-root
rm -rf $STAGING/
# ok: shell-rm-rf-empty-var-root
rm -rf "${BUILD_DIR:?}"/*
# ok: shell-rm-rf-empty-var-root
rm -f "$LOG_DIR"/app.log
# ok: shell-rm-rf-empty-var-root
rm -rf ./dist/*
# ok: shell-rm-rf-empty-var-root
command rm -rf "${tmpdir}/files"
# ruleid: shell-rm-rf-empty-var-root
rm -rf "$DEPLOY_ROOT/"*
