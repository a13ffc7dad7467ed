#!/usr/bin/env bash
# Bytes hover:build uploads and the time it takes, through the real Maven path: the sample project
# of src/it/build-image, packaged with -Dhover.image=<a local docker-registry>, four times:
#   1. first push to an empty repository
#   2. no change, rebuilt (a new build id)
#   3. one class changed (demo.App), rebuilt
#   4. no change, rebuilt RUNS more times: the warm-cache build time
# once with the sample's manifest as it is (it has an assets.build-command, so every build is a
# new build), once without the command (an unchanged rebuild is the same build).
# Prints one line per build: what the plugin reported (blobs and layer bytes uploaded, its own time)
# and mvn's wall time.
# Needs: the plugin staged by `mvn -B -pl hover-maven-plugin -am verify` (the invoker stages it in
# hover-maven-plugin/target/local-repo, so nothing goes to ~/.m2), docker-registry (scripts/local-aws install).
# Usage: bench/image-build.sh [RUNS, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
RUNS=${1:-5}
LOCAL_REPO=$REPO/hover-maven-plugin/target/local-repo
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
[ -f "$LOCAL_REPO/dev/hover/hover-maven-plugin/$VERSION/hover-maven-plugin-$VERSION.jar" ] \
  || { echo "run: mvn -B -pl hover-maven-plugin -am verify (it stages the plugin in $LOCAL_REPO)" >&2; exit 1; }

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$WORK/registry.yml" <<YML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: '$WORK/registry-data'}, delete: {enabled: true}}
http: {addr: '127.0.0.1:$PORT', secret: not-a-secret}
YML
docker-registry serve "$WORK/registry.yml" > "$WORK/registry.log" 2>&1 &
REGISTRY_PID=$!
trap 'kill $REGISTRY_PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/v2/" >/dev/null && break; sleep 0.1; done

# the sample project, and its base image as a docker-save tar (what its prebuild.groovy writes)
PROJECT=$WORK/project
cp -r src/it/build-image "$PROJECT"
sed -i "s/@project.version@/$VERSION/" "$PROJECT/pom.xml"
mkdir -p "$PROJECT/target/it-base/rootfs/etc"
( cd "$PROJECT/target/it-base"
  echo 'a base image for the invoker test' > rootfs/etc/hover-it-base
  tar --sort=name --mtime=@0 --owner=0 --group=0 -cf layer.tar -C rootfs etc
  printf '{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/bin:/bin"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
    "$(sha256sum layer.tar | cut -d' ' -f1)" > config.json
  echo '[{"Config":"config.json","RepoTags":["hover-it/base:1"],"Layers":["layer.tar"]}]' > manifest.json
  tar -cf ../it-base.tar manifest.json config.json layer.tar )

IMAGE_REPOSITORY=bench/demo
build() {
  local label=$1 begin end log
  log=$WORK/build.log
  begin=$(date +%s%N)
  ( cd "$PROJECT" && mvn -B -Dmaven.repo.local="$LOCAL_REPO" package -Dhover.stage=staging \
      -Dhover.image="127.0.0.1:$PORT/$IMAGE_REPOSITORY" -Dhover.allowInsecureRegistries=true > "$log" 2>&1 ) \
    || { cat "$log"; exit 1; }
  end=$(date +%s%N)
  printf '%-22s %s | %s | mvn wall %d ms\n' "$label" \
    "$(grep -o 'Uploaded .*' "$log" | sed 's/; the rest.*//')" \
    "$(grep -o 'Built staging [^ ]* in [0-9]* ms' "$log" | sed 's/Built staging [^ ]* //')" \
    $(( (end - begin) / 1000000 ))
}

sequence() {
  build "first push"
  build "no change"
  sed -i "s/\"Hello[^\"]*\")/\"Hello $1\")/" "$PROJECT/src/main/java/demo/App.java"
  build "one class changed"
  for i in $(seq "$RUNS"); do build "warm, no change #$i"; done
}

echo "== the sample's manifest, with an assets.build-command (every build is a new build)"
sequence again
echo "== the same without assets.build-command (an unchanged rebuild keeps its build id)"
IMAGE_REPOSITORY=bench/demo-no-command
sed -i '/build-command:/d' "$PROJECT/.hover/staging.yml"
mkdir -p "$PROJECT/public/build" && echo 'body{}' > "$PROJECT/public/build/app.css"
sequence "once more"
