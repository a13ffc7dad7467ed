#!/bin/sh
# Cold start and per-request cost of the runtime, an earlier build against this one, alternating
# (docs/performance.md, "Isolation and environment"). The earlier build is a worktree of another
# commit, e.g. git worktree add --detach ../before <commit>.
#   bench/runtime/compare.sh <earlier worktree> <rounds> <coldstart runs> <overhead requests>
# Each tree is built first (its runtime's classes; this one's shaded jar too). Each round runs
# coldstart then overhead with the earlier build (the reactor's class directories, as it shipped
# its runtime: one jar per library), then with this build's shaded jar, as the image holds it.
set -eu
before=$(cd "$1" && pwd); rounds=$2; coldstart=$3; overhead=$4
cd "$(dirname "$0")/../.."
after=$(pwd)
build() {
    (cd "$1" && mvn -B -q -o -pl hover-lambda-runtime -am package -DskipTests >/dev/null \
        && mvn -B -q -o -pl hover-lambda-runtime -am test-compile dependency:build-classpath \
            -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null \
        && javac -d target/bench-runtime -cp "$(libraries "$1")" $(ls bench/runtime/*.java | grep -v /Manifest))
}
libraries() {
    echo "$1/hover-lambda-runtime/target/classes:$1/hover-lambda-runtime/target/test-classes:$1/hover-model/target/classes:$(cat "$1/hover-lambda-runtime/target/bench-classpath.txt")"
}
classpath() {
    echo "$(libraries "$1"):$1/target/bench-runtime"
}
build "$before"
build "$after"
jar=$(ls "$after"/hover-lambda-runtime/target/hover-lambda-runtime-*.jar | grep -v original)
for round in $(seq 1 "$rounds"); do
    for mode in "coldstart $coldstart" "overhead $overhead"; do
        echo "== round $round, before ($(git -C "$before" rev-parse --short HEAD)): $mode"
        (cd "$before" && java -XX:+UseSerialGC -cp "$(classpath "$before")" RuntimeBench $mode)
        echo "== round $round, after ($(git rev-parse --short HEAD), shaded jar): $mode"
        java -XX:+UseSerialGC -Dbench.runtimeJar="$jar" -cp "$(classpath "$after")" RuntimeBench $mode
    done
done
