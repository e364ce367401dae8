# mrwarden's container image (DESIGN.md, Image): a static binary, static busybox with
# its applets, the CA bundle, a numeric non-root USER, no ENTRYPOINT, no package
# manager, no git. linux/amd64 and linux/arm64.
#
# Two ways to build it:
#
# 1. With registry access (a Rust image is pulled), in two steps: the `context` stage
#    builds the static binary from the locked dependencies and stages the root
#    filesystem; the `runtime` stage turns that context into the image.
#      docker build --target context --output type=local,dest=target/image-context .
#      docker build --target runtime -f Dockerfile target/image-context
#    (buildah: `buildah bud --target context -o target/image-context .`, then the same
#    second step.) For arm64, add --platform linux/arm64 to both.
#
# 2. Without any registry, as this project's CI does: `.ci/image.sh` builds the static
#    binaries and stages the contexts itself (.ci/stage-rootfs.sh, the same script as
#    below), then runs `buildah bud --target runtime` on each and joins them in a
#    manifest list. The `runtime` stage is FROM scratch and only COPYs, so it needs
#    nothing pulled and no privileges.

ARG RUST_IMAGE=docker.io/library/rust:1.95-bookworm

FROM ${RUST_IMAGE} AS builder
ARG TARGETARCH
# musl-tools: musl-gcc for the C code in the dependencies; busybox-static and
# ca-certificates: what the root filesystem ships.
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends musl-tools busybox-static ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN case "${TARGETARCH:-amd64}" in \
      amd64) triple=x86_64-unknown-linux-musl ;; \
      arm64) triple=aarch64-unknown-linux-musl ;; \
      *) echo "unsupported architecture ${TARGETARCH}" >&2; exit 1 ;; \
    esac \
 && rustup target add "$triple" \
 && cargo build --release --locked --target "$triple" \
 && sh .ci/stage-rootfs.sh "target/$triple/release/mrwarden" /bin/busybox \
      /etc/ssl/certs/ca-certificates.crt /context/rootfs "$(git log -1 --format=%ct 2>/dev/null || echo 0)"

# The build context of the `runtime` stage, for `--output`.
FROM scratch AS context
COPY --from=builder /context/ /

# The image. Its build context holds `rootfs/` (from either way above).
FROM scratch AS runtime
ARG VERSION=unknown
ARG REVISION=unknown
ARG CREATED=1970-01-01T00:00:00Z
ARG SOURCE=https://gitlab.com/mrwarden/mrwarden
COPY rootfs/ /
ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin
WORKDIR /home/mrwarden
USER 10001:10001
LABEL org.opencontainers.image.title="mrwarden" \
      org.opencontainers.image.description="Security reviewer for GitLab merge requests" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.url="${SOURCE}" \
      org.opencontainers.image.licenses="MIT OR Apache-2.0" \
      org.opencontainers.image.created="${CREATED}"
CMD ["/bin/sh"]
