#!/bin/sh
# ruleid: shell-git-safe-directory-wildcard
git config --global --add safe.directory '*'
# ok: shell-git-safe-directory-wildcard
git config --global --add safe.directory "$CI_PROJECT_DIR"
