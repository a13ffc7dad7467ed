#!/usr/bin/env bash
# Builds the benchmarks with the reactor (nothing goes to ~/.m2) and runs JMH.
# Usage: bench/run.sh [JMH arguments, e.g. a benchmark regex such as QueueBatchBenchmark]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
exec java -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" org.openjdk.jmh.Main "$@"
