#!/bin/sh
# hover-launch's benchmarks; see docs/performance.md, "Secrets at cold start".
#   bench/launcher/run.sh launch 15   process start -> execve against moto's KMS (plain, and through a loopback TLS proxy), wall and CPU
#   bench/launcher/run.sh tls 15      a fresh Go process's trusted roots and one TLS handshake on loopback
set -eu
cd "$(dirname "$0")/../.."
OUT=target/bench-launcher
mkdir -p "$OUT"
case "${1:-}" in
  launch)
    # builds hover-launch for this machine (and the other architecture) into hover-launcher's classes
    mvn -B -q -pl hover-launcher -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
        -Dmdep.includeScope=test >/dev/null
    (cd bench/launcher/go && go build -trimpath -o "../../../$OUT/stamp" ./stamp && go build -trimpath -o "../../../$OUT/tlsproxy" ./tlsproxy)
    CP="hover-launcher/target/classes:$(cat hover-launcher/target/bench-classpath.txt)"
    javac -d "$OUT/classes" -cp "$CP" bench/launcher/LauncherBench.java
    exec java -XX:+UseSerialGC -cp "$CP:$OUT/classes" LauncherBench "${2:-15}" "$OUT/stamp" "$OUT/tlsproxy" ;;
  tls)
    (cd bench/launcher/go && go build -trimpath -o "../../../$OUT/tlshandshake" ./tlshandshake)
    exec "$OUT/tlshandshake" -runs "${2:-15}" ;;
  *)
    echo "usage: bench/launcher/run.sh launch|tls [runs]" >&2
    exit 2 ;;
esac
