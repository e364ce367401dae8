#!/bin/sh
# A job runner script: its first argument names what to archive.

archive() {
  name="$1"
  cmd="tar czf /tmp/out.tgz $name"
  # ruleid: shell-command-injection-flow
  eval "$cmd"
}

remote() {
  host=${2}
  script="ssh deploy@$host uptime"
  # ruleid: shell-command-injection-flow
  sh -c "$script"
}

cgi() {
  q="$QUERY_STRING"
  # ruleid: shell-command-injection-flow
  bash -c "grep $q /var/log/app.log"
}

safe_constant() {
  cmd="tar czf /tmp/out.tgz /srv/data"
  # ok: shell-command-injection-flow
  eval "$cmd"
}

near_miss_quoted() {
  name="$1"
  quoted=$(printf %q "$name")
  # ok: shell-command-injection-flow
  tar czf /tmp/out.tgz "$name"
  # ok: shell-command-injection-flow
  sh -c 'tar czf /tmp/out.tgz "$1"' _ "$name"
}
