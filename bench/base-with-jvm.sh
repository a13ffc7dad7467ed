#!/usr/bin/env bash
# Writes a base image with a JVM as a docker-save tar, for the cold-start benchmarks (no registry is
# reachable): a jlinked runtime of JDK (default this machine's JDK 17) with its default CDS archive in
# /opt/java/openjdk, which hover:build finds (-Dhover.javaExecutable=/opt/java/openjdk/bin/java) and
# trains its class-data archive with.
# Usage: bench/base-with-jvm.sh OUTPUT.tar [JDK]
set -euo pipefail
OUTPUT=$(realpath -m "$1")
JDK=${2:-/usr/lib/jvm/java-17-openjdk-amd64}
BASE=$(mktemp -d)
trap 'rm -rf "$BASE"' EXIT
mkdir -p "$BASE/rootfs/opt/java" "$(dirname "$OUTPUT")"
"$JDK/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.httpserver,jdk.management,jdk.zipfs,jdk.naming.dns \
  --generate-cds-archive --strip-debug --no-man-pages --no-header-files --output "$BASE/rootfs/opt/java/openjdk" > /dev/null
cd "$BASE"
tar --sort=name --mtime=@1 --owner=0 --group=0 -cf layer.tar -C rootfs opt
printf '{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
  "$(sha256sum layer.tar | cut -d' ' -f1)" > config.json
echo '[{"Config":"config.json","RepoTags":["hover-bench/base-with-jvm:1"],"Layers":["layer.tar"]}]' > manifest.json
tar -cf "$OUTPUT" manifest.json config.json layer.tar
