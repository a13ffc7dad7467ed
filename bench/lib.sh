# What the cold-start benchmarks of built images share (sourced by bench/shop/run.sh, bench/hello/run.sh),
# run from the repository's root: the plugin as the invoker staged it, a moto of their own, a copy of
# the benchmark's project built with that plugin, the base image with a JVM.
REPO=$PWD
LOCAL_REPO=$REPO/hover-maven-plugin/target/local-repo
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
[ -f "$LOCAL_REPO/dev/hover/hover-maven-plugin/$VERSION/hover-maven-plugin-$VERSION.jar" ] \
  || { echo "run: mvn -B -pl hover-maven-plugin -am verify -Dinvoker.test=build-image (it stages the plugin in $LOCAL_REPO)" >&2; exit 1; }
TOOLS=${HOVER_LOCAL_AWS_HOME:-$REPO/.local-aws}
WORK=$(mktemp -d)  # kept with BENCH_KEEP=1, to read the logs

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

MOTO_PORT=$(free_port)
"$TOOLS/venv/bin/moto_server" -H 127.0.0.1 -p "$MOTO_PORT" > "$WORK/moto.log" 2>&1 &
MOTO_PID=$!
trap 'kill $MOTO_PID 2>/dev/null; [ -n "${BENCH_KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$MOTO_PORT/moto-api/" >/dev/null && break; sleep 0.1; done
MOTO=http://127.0.0.1:$MOTO_PORT

BENCH_JDK=${BENCH_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}

# jdk_feature_version: BENCH_JDK's feature version, e.g. 17 or 25
jdk_feature_version() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$BENCH_JDK/release"; }

# copy_project DIR: the benchmark's project into $PROJECT, on the staged plugin, on a free port, with
# the base image with a JVM in its target/
copy_project() {
  PROJECT=$WORK/$(basename "$1")
  cp -r "$1" "$PROJECT"
  rm -rf "$PROJECT/target"
  sed -i "s:<hover.version>.*</hover.version>:<hover.version>$VERSION</hover.version>:" "$PROJECT/pom.xml"
  sed -i "s/port: 184[0-9][0-9]/port: $(free_port)/" "$PROJECT/.hover/bench.yml"
  bench/base-with-jvm.sh "$PROJECT/target/base-with-jvm.tar" "$BENCH_JDK"
}

# mvn_project ARGS…: Maven in $PROJECT, stage bench, the SDK pointed at moto; prints the archive's note
mvn_project() {
  ( cd "$PROJECT" && mvn -B -Dmaven.repo.local="$LOCAL_REPO" -Dhover.stage=bench \
      -Dhover.javaExecutable=/opt/java/openjdk/bin/java -Dhover.cacheDirectory="$WORK/hover-cache" \
      -Daws.endpointUrl="$MOTO" -Daws.accessKeyId=bench -Daws.secretAccessKey=bench -Daws.region=us-east-1 "$@" \
      > "$WORK/mvn.log" 2>&1 ) || { cat "$WORK/mvn.log"; exit 1; }
  grep -A16 -E 'class-data archive|Class-data archive' "$WORK/mvn.log" || true
}

# image_with_and_without_archive: hover:build twice, the images as $WORK/archive.tar and $WORK/no-archive.tar
image_with_and_without_archive() {
  mvn_project package -DskipTests
  cp "$PROJECT/target/hover/bench/image.tar" "$WORK/archive.tar"
  mvn_project package -DskipTests -Dhover.classDataArchive=false
  cp "$PROJECT/target/hover/bench/image.tar" "$WORK/no-archive.tar"
}
