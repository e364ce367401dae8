#!/usr/bin/env bash
# Builds the mrwarden container image without pulling anything from a registry:
#   1. the static binary (musl: x86_64-unknown-linux-musl; fallback: static glibc),
#   2. a rootfs staged from local files (the binary, static busybox with its applets as
#      links, Debian's CA bundle, /etc/passwd with a numeric non-root user, /tmp),
#   3. a `FROM scratch` image built by buildah (vfs storage, chroot isolation; the recipe
#      only copies, so no privileges are needed), written as an OCI archive.
#
# Usage: .ci/image.sh [--out DIR] [--binary FILE] [--tag TAG]
#   --out DIR      where to write mrwarden-oci.tar and the binary (default: target/image);
#                  the staged rootfs and buildah's storage live in target/image-work
#   --binary FILE  use this static binary instead of building one
#   --tag TAG      image tag (default: the version in Cargo.toml)
#   MRWARDEN_STATIC=glibc   build the fully static glibc binary instead of musl
#
# Needs: cargo, buildah, busybox-static (/bin/busybox), ca-certificates, musl-tools
# (musl-gcc, for crates with C code). On Debian: apt-get install buildah busybox-static
# ca-certificates musl-tools.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/image
BINARY=
TAG=
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT=$2; shift 2 ;;
    --binary) BINARY=$2; shift 2 ;;
    --tag) TAG=$2; shift 2 ;;
    *) echo "usage: $0 [--out DIR] [--binary FILE] [--tag TAG]" >&2; exit 2 ;;
  esac
done

VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
TAG=${TAG:-$VERSION}
UID_GID=10001
REVISION=$(git rev-parse HEAD 2>/dev/null || echo unknown)
# Reproducible: file times and the image's creation time come from the commit.
EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
CREATED=$(date -u -d "@$EPOCH" +%Y-%m-%dT%H:%M:%SZ)
SOURCE=${CI_PROJECT_URL:-https://gitlab.com/mrwarden/mrwarden}

need() { command -v "$1" >/dev/null || { echo "image.sh: $1 not found; $2" >&2; exit 3; }; }
need buildah "install the Debian package buildah"
[ -f /etc/ssl/certs/ca-certificates.crt ] || { echo "image.sh: no /etc/ssl/certs/ca-certificates.crt; install ca-certificates" >&2; exit 3; }

is_static() { ! readelf -l "$1" 2>/dev/null | grep -q 'Requesting program interpreter'; }
need readelf "install binutils"

busybox_static() {
  for b in /bin/busybox /usr/bin/busybox; do
    if [ -x "$b" ] && is_static "$b"; then echo "$b"; return; fi
  done
  echo "image.sh: no static busybox; install the Debian package busybox-static" >&2
  exit 3
}
BUSYBOX=$(busybox_static)

TRIPLE=x86_64-unknown-linux-musl
[ "${MRWARDEN_STATIC:-musl}" = glibc ] && TRIPLE=x86_64-unknown-linux-gnu
mkdir -p "$OUT"
if [ -z "$BINARY" ]; then
  start=$(date +%s)
  if [ "${MRWARDEN_STATIC:-musl}" = glibc ]; then
    # Fallback when the musl target cannot be installed. glibc >= 2.34 has the `files`
    # and `dns` NSS modules inside libc itself, so a static getaddrinfo still reads
    # /etc/hosts and /etc/resolv.conf; /etc/nsswitch.conf below names only those two.
    RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static" \
      cargo build --release --locked --target "$TRIPLE"
  else
    if command -v rustup >/dev/null; then rustup target add "$TRIPLE" >/dev/null; fi
    if command -v musl-gcc >/dev/null; then export CC_x86_64_unknown_linux_musl=musl-gcc; fi
    cargo build --release --locked --target "$TRIPLE"
  fi
  BINARY=target/$TRIPLE/release/mrwarden
  echo "image.sh: built $BINARY ($TRIPLE) in $(( $(date +%s) - start ))s"
fi
if ! is_static "$BINARY"; then
  echo "image.sh: $BINARY is dynamically linked; the image needs a static binary" >&2
  exit 3
fi

# --- rootfs ------------------------------------------------------------------------
WORK=target/image-work
CTX=$WORK/context
ROOT=$CTX/rootfs
rm -rf "$CTX"
mkdir -p "$ROOT"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,etc/ssl/certs,tmp,home/mrwarden}
install -m 0755 "$BINARY" "$ROOT/usr/local/bin/mrwarden"
install -m 0755 "$BUSYBOX" "$ROOT/bin/busybox"
# Every applet as a link to /bin/busybox: the runner pipes a script using sh, mkdir,
# cat, rm … into the image's shell.
# Not the package-manager applets (dpkg, dpkg-deb, rpm, rpm2cpio): the image has no
# package manager.
"$BUSYBOX" --list-full | while read -r applet; do
  case "${applet##*/}" in dpkg | dpkg-deb | rpm | rpm2cpio) continue ;; esac
  [ -e "$ROOT/$applet" ] || ln -s /bin/busybox "$ROOT/$applet"
done
install -m 0644 /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
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
find "$ROOT" -exec touch -h -d "@$EPOCH" {} +

cat > "$CTX/Containerfile" <<CONTAINERFILE
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin
WORKDIR /home/mrwarden
USER $UID_GID:$UID_GID
LABEL org.opencontainers.image.title="mrwarden" \\
      org.opencontainers.image.description="Security reviewer for GitLab merge requests" \\
      org.opencontainers.image.version="$VERSION" \\
      org.opencontainers.image.revision="$REVISION" \\
      org.opencontainers.image.source="$SOURCE" \\
      org.opencontainers.image.url="$SOURCE" \\
      org.opencontainers.image.licenses="MIT OR Apache-2.0" \\
      org.opencontainers.image.created="$CREATED"
CMD ["/bin/sh"]
CONTAINERFILE

# --- image ---------------------------------------------------------------------------
# Private storage under $OUT: nothing touches the machine's container storage.
mkdir -p "$WORK"
STORE=$(realpath "$WORK")/storage
BUILDAH=(buildah --storage-driver vfs --root "$STORE/root" --runroot "$STORE/run")
export BUILDAH_ISOLATION=chroot
IMAGE=localhost/mrwarden:$TAG
"${BUILDAH[@]}" rmi -f "$IMAGE" >/dev/null 2>&1 || true
"${BUILDAH[@]}" bud --isolation chroot --pull=false --format oci --timestamp "$EPOCH" \
  -f "$CTX/Containerfile" -t "$IMAGE" "$CTX" >/dev/null
rm -f "$OUT/mrwarden-oci.tar"
"${BUILDAH[@]}" push "$IMAGE" "oci-archive:$OUT/mrwarden-oci.tar:mrwarden:$TAG" >/dev/null
"${BUILDAH[@]}" rmi -f "$IMAGE" >/dev/null 2>&1 || true
install -m 0755 "$BINARY" "$OUT/mrwarden-$TRIPLE"
echo "image.sh: wrote $OUT/mrwarden-oci.tar (mrwarden:$TAG, $(du -k "$OUT/mrwarden-oci.tar" | cut -f1) KiB compressed)"
