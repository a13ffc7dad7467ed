#!/usr/bin/env bash
# Cold start of a Spring Boot application like a small shop's (Spring MVC, JPA over H2, Thymeleaf, one
# secret: bench/shop) to its first answer (GET /, a JPA query rendered by Thymeleaf), median of RUNS,
# alternating:
#   archive     Hover's image with the class-data archive hover:build trained, under aws-lambda-rie
#   no-archive  the same image built with -Dhover.classDataArchive=false, under aws-lambda-rie
#   fat-jar     the application's own Spring Boot jar, java -jar with the JVM's defaults
# All three run the same JVM: the base image's, a jlinked runtime of BENCH_JDK (default this machine's
# JDK 17) with its default CDS archive, which hover:build finds in the base image and trains with. The
# secret is decrypted with moto's KMS when a Hover container starts (moto is started here); the fat
# jar gets it in its environment.
# Needs: the plugin staged by `mvn -B -pl hover-maven-plugin -am verify -Dinvoker.test=build-image`
# (the invoker stages it in hover-maven-plugin/target/local-repo, so nothing goes to ~/.m2), moto and
# aws-lambda-rie (scripts/local-aws install; HOVER_LOCAL_AWS_HOME as for the tests), Maven Central
# for the application's dependencies on the first run.
# Usage: bench/shop/run.sh [RUNS, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
RUNS=${1:-5}
LOCAL_REPO=$REPO/hover-maven-plugin/target/local-repo
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
[ -f "$LOCAL_REPO/dev/hover/hover-maven-plugin/$VERSION/hover-maven-plugin-$VERSION.jar" ] \
  || { echo "run: mvn -B -pl hover-maven-plugin -am verify -Dinvoker.test=build-image (it stages the plugin in $LOCAL_REPO)" >&2; exit 1; }
TOOLS=${HOVER_LOCAL_AWS_HOME:-$REPO/.local-aws}
JDK=${BENCH_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}
WORK=$(mktemp -d)  # kept with BENCH_KEEP=1, to read the logs
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

MOTO_PORT=$(free_port)
"$TOOLS/venv/bin/moto_server" -H 127.0.0.1 -p "$MOTO_PORT" > "$WORK/moto.log" 2>&1 &
MOTO_PID=$!
trap 'kill $MOTO_PID 2>/dev/null; [ -n "${BENCH_KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$MOTO_PORT/moto-api/" >/dev/null && break; sleep 0.1; done
MOTO=http://127.0.0.1:$MOTO_PORT

PROJECT=$WORK/shop
cp -r bench/shop "$PROJECT"
rm -rf "$PROJECT/target"
sed -i "s:<hover.version>.*</hover.version>:<hover.version>$VERSION</hover.version>:" "$PROJECT/pom.xml"
sed -i "s/port: 18400/port: $(free_port)/" "$PROJECT/.hover/bench.yml"

# the base image: the JVM in /opt/java/openjdk, as a docker-save tar
BASE=$WORK/base
mkdir -p "$BASE/rootfs/opt/java"
"$JDK/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.httpserver,jdk.management,jdk.zipfs,jdk.naming.dns \
  --generate-cds-archive --strip-debug --no-man-pages --no-header-files --output "$BASE/rootfs/opt/java/openjdk" > /dev/null
( cd "$BASE"
  tar --sort=name --mtime=@1 --owner=0 --group=0 -cf layer.tar -C rootfs opt
  printf '{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
    "$(sha256sum layer.tar | cut -d' ' -f1)" > config.json
  echo '[{"Config":"config.json","RepoTags":["hover-bench/base-with-jvm:1"],"Layers":["layer.tar"]}]' > manifest.json
  mkdir -p "$PROJECT/target"
  tar -cf "$PROJECT/target/base-with-jvm.tar" manifest.json config.json layer.tar )

mvn_shop() {
  ( cd "$PROJECT" && mvn -B -Dmaven.repo.local="$LOCAL_REPO" -Dhover.stage=bench \
      -Dhover.javaExecutable=/opt/java/openjdk/bin/java -Dhover.cacheDirectory="$WORK/hover-cache" \
      -Daws.endpointUrl="$MOTO" -Daws.accessKeyId=bench -Daws.secretAccessKey=bench -Daws.region=us-east-1 "$@" \
      > "$WORK/mvn.log" 2>&1 ) || { cat "$WORK/mvn.log"; exit 1; }
}
echo 'SHOP_PAYMENT_KEY=pk_bench_0123456789' > "$PROJECT/.hover/bench-secrets.plain.env"
mvn_shop hover:secret-encrypt
mvn_shop package -DskipTests
grep -A16 -E 'class-data archive|Class-data archive' "$WORK/mvn.log"
cp "$PROJECT/target/hover/bench/image.tar" "$WORK/archive.tar"
mvn_shop package -DskipTests -Dhover.classDataArchive=false
grep -E 'class-data archive|Class-data archive' "$WORK/mvn.log" || true
cp "$PROJECT/target/hover/bench/image.tar" "$WORK/no-archive.tar"

python3 bench/shop/coldstart.py --runs "$RUNS" --moto "$MOTO" --jar "$PROJECT/target/shop-1.0-SNAPSHOT.jar" \
  --secret SHOP_PAYMENT_KEY=pk_bench_0123456789 "$WORK/archive.tar" "$WORK/no-archive.tar"
