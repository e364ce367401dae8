#!/bin/sh
# Stages the image's root filesystem: the static mrwarden binary, static busybox with
# every applet as a link (the GitLab Runner pipes a script using sh, mkdir, cat, rm …
# into the image's shell), the CA bundle, /etc/passwd and /etc/group with a numeric
# non-root user, /tmp (1777). The Dockerfile's `runtime` stage COPYs the result.
# Used by .ci/image.sh (per architecture) and by the Dockerfile's builder stage, so
# both build the same tree. POSIX sh: it also runs in the builder image.
#
# Usage: .ci/stage-rootfs.sh BINARY BUSYBOX CA_BUNDLE OUT [EPOCH]
#   The applet list comes from `BUSYBOX --list-full`; a busybox of another
#   architecture cannot run here, so APPLETS_FROM (default /bin/busybox, the same
#   Debian package for this machine) lists them instead.
set -eu

[ $# -ge 4 ] || { echo "usage: $0 BINARY BUSYBOX CA_BUNDLE OUT [EPOCH]" >&2; exit 2; }
BINARY=$1 BUSYBOX=$2 CA=$3 ROOT=$4 EPOCH=${5:-0}
UID_GID=10001

list_applets() {
  if "$BUSYBOX" true 2>/dev/null; then
    "$BUSYBOX" --list-full
  else
    "${APPLETS_FROM:-/bin/busybox}" --list-full
  fi
}

rm -rf "$ROOT"
mkdir -p "$ROOT/bin" "$ROOT/sbin" "$ROOT/usr/bin" "$ROOT/usr/sbin" "$ROOT/usr/local/bin" \
  "$ROOT/etc/ssl/certs" "$ROOT/tmp" "$ROOT/home/mrwarden"
install -m 0755 "$BINARY" "$ROOT/usr/local/bin/mrwarden"
install -m 0755 "$BUSYBOX" "$ROOT/bin/busybox"
# Not the package-manager applets (dpkg, dpkg-deb, rpm, rpm2cpio): the image has no
# package manager.
list_applets | while read -r applet; do
  case "${applet##*/}" in dpkg | dpkg-deb | rpm | rpm2cpio) continue ;; esac
  [ -e "$ROOT/$applet" ] || [ -L "$ROOT/$applet" ] || ln -s /bin/busybox "$ROOT/$applet"
done
install -m 0644 "$CA" "$ROOT/etc/ssl/certs/ca-certificates.crt"
cat > "$ROOT/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/bin/sh
mrwarden:x:$UID_GID:$UID_GID:mrwarden:/home/mrwarden:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat > "$ROOT/etc/group" <<GROUP
root:x:0:
mrwarden:x:$UID_GID:
nogroup:x:65534:
GROUP
echo "hosts: files dns" > "$ROOT/etc/nsswitch.conf"
chmod 1777 "$ROOT/tmp"
chown -R "$UID_GID:$UID_GID" "$ROOT/home/mrwarden" 2>/dev/null || chmod 0777 "$ROOT/home/mrwarden"
# Reproducible: every file time is the commit's.
find "$ROOT" -exec touch -h -d "@$EPOCH" {} +
