#!/bin/sh
# fixture-added-lines: 8-9
# The change adds only the eval; the argument handling above was already there.
target="$1"
line="rsync -a build/ $target"
echo "deploying"

# ruleid: shell-command-injection-flow
eval "$line"
