#!/bin/sh
# Runs the runtime benchmarks; see docs/performance.md.
#   bench/runtime/run.sh overhead 5000 | rie 2000 | coldstart 15 | runtimeapi 5000 | snapstart 7 200 | secrets 11
set -eu
cd "$(dirname "$0")/../.."
mvn -B -q -pl hover-lambda-runtime -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
# the reactor's own modules, as classes (no install needed)
CP="hover-lambda-runtime/target/classes:hover-lambda-runtime/target/test-classes:hover-model/target/classes:$(cat hover-lambda-runtime/target/bench-classpath.txt)"
# the benchmark's classes, compiled ahead (the manifest probes belong to manifest.sh)
javac -d target/bench-runtime -cp "$CP" $(ls bench/runtime/*.java | grep -v /Manifest)
CP="$CP:target/bench-runtime"
# BENCH_JVM_OPTS, e.g. -Dbench.runtimeJar=hover-lambda-runtime/target/hover-lambda-runtime-<version>.jar (the shaded jar: mvn package first)
exec java -XX:+UseSerialGC ${BENCH_JVM_OPTS:-} -cp "$CP" RuntimeBench "$@"
