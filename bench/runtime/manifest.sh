#!/bin/sh
# The packaged manifest's read at cold start, this tree's hover-model against an older commit's,
# alternating, each read in a new JVM with the runtime's JVM options; see docs/performance.md.
#   bench/runtime/manifest.sh <older commit> <runs>
set -eu
cd "$(dirname "$0")/../.."
OLD_COMMIT=$1
RUNS=${2:-15}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
git archive "$OLD_COMMIT" | tar -x -C "$WORK"
(cd "$WORK" && mvn -B -q -o compile -pl hover-model >/dev/null)
mvn -B -q -o compile dependency:build-classpath -pl hover-model -Dmdep.outputFile=target/manifest-classpath.txt \
    -Dmdep.includeScope=runtime >/dev/null
LIBS=$(cat hover-model/target/manifest-classpath.txt)
# the same stage, written by each version's own codec (12 variables, a schedule entry, a queue function)
for side in old new; do
    if [ $side = old ]; then MODEL="$WORK/hover-model/target/classes"; else MODEL=hover-model/target/classes; fi
    mkdir -p "$WORK/$side"
    javac -d "$WORK/$side" -cp "$MODEL:$LIBS" bench/runtime/ManifestProbe.java bench/runtime/ManifestWriter.java
    java -cp "$WORK/$side:$MODEL:$LIBS" ManifestWriter "$WORK/$side/manifest"
done
JVM="-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xshare:auto"
i=0
while [ $i -lt "$RUNS" ]; do
    for side in old new; do
        if [ $side = old ]; then MODEL="$WORK/hover-model/target/classes"; else MODEL=hover-model/target/classes; fi
        # shellcheck disable=SC2086
        echo "$side $(java $JVM -cp "$WORK/$side:$MODEL:$LIBS" ManifestProbe "$WORK/$side/manifest") \
$(java $JVM -Xlog:class+load -cp "$WORK/$side:$MODEL:$LIBS" ManifestProbe "$WORK/$side/manifest" | grep -c 'class,load')"
    done
    i=$((i + 1))
done | awk '{ wall[$1] = wall[$1] " " $2 / 1000; cpu[$1] = cpu[$1] " " $3 / 1000; classes[$1] = $5 }
    END { for (s in wall) printf "%s: read wall ms:%s\n%s: read CPU ms:%s\n%s: classes loaded by the whole JVM: %s\n", s, wall[s], s, cpu[s], s, classes[s] }'
