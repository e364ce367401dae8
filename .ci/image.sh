#!/usr/bin/env bash
# Builds the mrwarden container image for linux/amd64 and linux/arm64 without pulling
# anything from a registry, from the top-level Dockerfile's `runtime` stage:
#   1. the static binary per architecture: amd64 with cargo and the musl target,
#      arm64 cross-built with cargo-zigbuild (zig from PyPI, which also cross-compiles
#      the C code of the dependencies);
#   2. the static busybox per architecture: the machine's for amd64, Debian's
#      busybox-static:arm64 (multiarch package, unpacked, never installed) for arm64;
#   3. a build context per architecture staged by .ci/stage-rootfs.sh;
#   4. `buildah bud --target runtime --platform linux/ARCH` on each (vfs storage,
#      chroot isolation; the stage only copies, so no privileges and no emulation),
#      each written as an OCI archive, and a manifest list of both written as one
#      OCI archive (`mrwarden-oci.tar`, what the release pipeline pushes with
#      `skopeo copy --all`).
# Each step prints its time.
#
# Usage: .ci/image.sh [--out DIR] [--arch LIST] [--binary FILE] [--binary-arm64 FILE] [--tag TAG]
#   --out DIR            where the archives and binaries go (default: target/image)
#   --arch LIST          comma-separated, from amd64,arm64 (default: both)
#   --binary FILE        use this static amd64 binary instead of building one
#   --binary-arm64 FILE  use this static arm64 binary instead of building one
#   --tag TAG            image tag (default: the version in Cargo.toml)
#   MRWARDEN_STATIC=glibc   build the amd64 binary fully static against glibc instead
#
# Needs: cargo, buildah, busybox-static, ca-certificates, musl-tools, binutils; for
# arm64 also apt-get (busybox-static:arm64) and pip (ziglang, cargo-zigbuild) unless
# already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/image
ARCHES=amd64,arm64
declare -A BINARY=([amd64]="" [arm64]="")
TAG=
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT=$2; shift 2 ;;
    --arch) ARCHES=$2; shift 2 ;;
    --binary) BINARY[amd64]=$2; shift 2 ;;
    --binary-arm64) BINARY[arm64]=$2; shift 2 ;;
    --tag) TAG=$2; shift 2 ;;
    *) echo "usage: $0 [--out DIR] [--arch amd64,arm64] [--binary FILE] [--binary-arm64 FILE] [--tag TAG]" >&2; exit 2 ;;
  esac
done

# Pinned cross-build tools (PyPI).
ZIGLANG_VERSION=0.17.1
CARGO_ZIGBUILD_VERSION=0.24.1

VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
TAG=${TAG:-$VERSION}
REVISION=$(git rev-parse HEAD 2>/dev/null || echo unknown)
# Reproducible: file times and the image's creation time come from the commit.
EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
CREATED=$(date -u -d "@$EPOCH" +%Y-%m-%dT%H:%M:%SZ)
SOURCE=${CI_PROJECT_URL:-https://gitlab.com/mrwarden/mrwarden}

need() { command -v "$1" >/dev/null || { echo "image.sh: $1 not found; $2" >&2; exit 3; }; }
need buildah "install the Debian package buildah"
need readelf "install binutils"
[ -f /etc/ssl/certs/ca-certificates.crt ] || { echo "image.sh: no /etc/ssl/certs/ca-certificates.crt; install ca-certificates" >&2; exit 3; }

is_static() { ! readelf -l "$1" 2>/dev/null | grep -q 'Requesting program interpreter'; }
timed() {
  local what=$1 start
  shift
  start=$(date +%s)
  "$@"
  echo "image.sh: $what: $(($(date +%s) - start))s"
}

WORK=target/image-work
mkdir -p "$OUT" "$WORK"

triple_of() {
  case "$1" in
    amd64) if [ "${MRWARDEN_STATIC:-musl}" = glibc ]; then echo x86_64-unknown-linux-gnu; else echo x86_64-unknown-linux-musl; fi ;;
    arm64) echo aarch64-unknown-linux-musl ;;
    *) echo "image.sh: unknown architecture $1 (amd64 or arm64)" >&2; exit 2 ;;
  esac
}

build_amd64() {
  local triple=$1
  if [ "${MRWARDEN_STATIC:-musl}" = glibc ]; then
    # glibc >= 2.34 has the `files` and `dns` NSS modules inside libc itself, so a
    # static getaddrinfo still reads /etc/hosts and /etc/resolv.conf.
    RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static" cargo build --release --locked --target "$triple"
  else
    if command -v rustup >/dev/null; then rustup target add "$triple" >/dev/null; fi
    if command -v musl-gcc >/dev/null; then export CC_x86_64_unknown_linux_musl=musl-gcc; fi
    cargo build --release --locked --target "$triple"
  fi
}

build_arm64() {
  local triple=$1
  if command -v rustup >/dev/null; then rustup target add "$triple" >/dev/null; fi
  if ! command -v cargo-zigbuild >/dev/null || ! python3 -m ziglang version >/dev/null 2>&1; then
    echo "image.sh: installing ziglang $ZIGLANG_VERSION and cargo-zigbuild $CARGO_ZIGBUILD_VERSION from PyPI"
    local pkgs=("ziglang==$ZIGLANG_VERSION" "cargo-zigbuild==$CARGO_ZIGBUILD_VERSION")
    python3 -m pip install -q "${pkgs[@]}" 2>/dev/null \
      || python3 -m pip install -q --break-system-packages "${pkgs[@]}"
  fi
  cargo zigbuild --release --locked --target "$triple"
}

# Debian's static busybox for arm64: downloaded as a package file and unpacked here,
# never installed (dpkg only learns that arm64 packages exist).
busybox_arm64() {
  local dir=$WORK/busybox-arm64
  if [ ! -x "$dir/bin/busybox" ]; then
    need apt-get "the arm64 busybox comes from Debian's busybox-static:arm64"
    dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
    rm -rf "$dir" && mkdir -p "$dir/deb"
    (cd "$dir/deb" && apt-get download -qq busybox-static:arm64 2>/dev/null) \
      || { apt-get update -qq && (cd "$dir/deb" && apt-get download -qq busybox-static:arm64 2>/dev/null); } \
      || { echo "image.sh: cannot download busybox-static:arm64" >&2; exit 3; }
    dpkg-deb -x "$dir"/deb/busybox-static_*_arm64.deb "$dir"
  fi
  echo "$dir/bin/busybox"
}

busybox_amd64() {
  for b in /bin/busybox /usr/bin/busybox; do
    if [ -x "$b" ] && is_static "$b"; then echo "$b"; return; fi
  done
  echo "image.sh: no static busybox; install the Debian package busybox-static" >&2
  exit 3
}

machine_of() { readelf -h "$1" | sed -n 's/^ *Machine: *//p'; }

STORE=$(realpath "$WORK")/storage
BUILDAH=(buildah --storage-driver vfs --root "$STORE/root" --runroot "$STORE/run")
export BUILDAH_ISOLATION=chroot
LIST=localhost/mrwarden:$TAG
"${BUILDAH[@]}" manifest rm "$LIST" >/dev/null 2>&1 || "${BUILDAH[@]}" rmi -f "$LIST" >/dev/null 2>&1 || true
"${BUILDAH[@]}" manifest create "$LIST" >/dev/null

IFS=, read -r -a arch_list <<<"$ARCHES"
for arch in "${arch_list[@]}"; do
  triple=$(triple_of "$arch")
  binary=${BINARY[$arch]:-}
  if [ -z "$binary" ]; then
    timed "$arch binary ($triple)" "build_$arch" "$triple"
    binary=target/$triple/release/mrwarden
  fi
  is_static "$binary" || { echo "image.sh: $binary is dynamically linked; the image needs a static binary" >&2; exit 3; }
  case "$arch/$(machine_of "$binary")" in
    amd64/*X86-64* | arm64/*AArch64*) ;;
    *) echo "image.sh: $binary is for $(machine_of "$binary"), not $arch" >&2; exit 3 ;;
  esac
  busybox=$("busybox_$arch")
  ctx=$WORK/context-$arch
  timed "$arch rootfs" sh .ci/stage-rootfs.sh "$binary" "$busybox" /etc/ssl/certs/ca-certificates.crt "$ctx/rootfs" "$EPOCH"
  image=localhost/mrwarden:$TAG-$arch
  "${BUILDAH[@]}" rmi -f "$image" >/dev/null 2>&1 || true
  timed "$arch image" "${BUILDAH[@]}" bud --quiet --isolation chroot --pull=false --format oci \
    --timestamp "$EPOCH" --platform "linux/$arch" --target runtime -f Dockerfile \
    --build-arg "VERSION=$VERSION" --build-arg "REVISION=$REVISION" \
    --build-arg "CREATED=$CREATED" --build-arg "SOURCE=$SOURCE" \
    -t "$image" "$ctx" >/dev/null
  rm -f "$OUT/mrwarden-oci-$arch.tar"
  "${BUILDAH[@]}" push "$image" "oci-archive:$OUT/mrwarden-oci-$arch.tar:mrwarden:$TAG" >/dev/null
  "${BUILDAH[@]}" manifest add "$LIST" "$image" >/dev/null
  install -m 0755 "$binary" "$OUT/mrwarden-$triple"
  echo "image.sh: wrote $OUT/mrwarden-oci-$arch.tar (linux/$arch, $(du -k "$OUT/mrwarden-oci-$arch.tar" | cut -f1) KiB compressed)"
done

rm -f "$OUT/mrwarden-oci.tar"
"${BUILDAH[@]}" manifest push --quiet --all "$LIST" "oci-archive:$OUT/mrwarden-oci.tar:mrwarden:$TAG" >/dev/null
"${BUILDAH[@]}" manifest rm "$LIST" >/dev/null 2>&1 || true
for arch in "${arch_list[@]}"; do "${BUILDAH[@]}" rmi -f "localhost/mrwarden:$TAG-$arch" >/dev/null 2>&1 || true; done
echo "image.sh: wrote $OUT/mrwarden-oci.tar (mrwarden:$TAG, manifest list of ${ARCHES})"
