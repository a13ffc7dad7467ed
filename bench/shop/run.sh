#!/usr/bin/env bash
# Cold start of a Spring Boot application like a small shop's (Spring MVC, JPA over H2, Thymeleaf, one
# secret: bench/shop) to its first answer (GET /, a JPA query rendered by Thymeleaf), median of RUNS,
# alternating (bench/frameworks/images.py):
#   archive     Hover's image with the class-data archive hover:build trained, under aws-lambda-rie
#               (on a Java 24+ BENCH_JDK an AOT cache, named aot-cache, beside appcds: the same image
#               with the dynamic AppCDS archive, -Dhover.classDataArchive=appcds)
#   no-archive  the same image built with -Dhover.classDataArchive=false, under aws-lambda-rie
#   fat-jar     the application's own Spring Boot jar, java -jar with the JVM's defaults
# All of them run the same JVM: the base image's (bench/base-with-jvm.sh: a jlinked runtime of BENCH_JDK,
# default this machine's JDK 17, with its default CDS archive), which hover:build finds in the base
# image and trains with. The secret is decrypted with moto's KMS when a Hover container starts (moto
# is started here); the fat jar gets it in its environment.
# Needs: the plugin staged by `mvn -B -pl hover-maven-plugin -am verify -Dinvoker.test=build-image`
# (the invoker stages it in hover-maven-plugin/target/local-repo, so nothing goes to ~/.m2), moto and
# aws-lambda-rie (scripts/local-aws install; HOVER_LOCAL_AWS_HOME as for the tests), Maven Central
# for the application's dependencies on the first run.
# Usage: [BENCH_JDK=/usr/lib/jvm/temurin-25-jdk-amd64] bench/shop/run.sh [RUNS, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
source bench/lib.sh
copy_project bench/shop
SECRET=SHOP_PAYMENT_KEY=pk_bench_0123456789
echo "$SECRET" > "$PROJECT/.hover/bench-secrets.plain.env"
mvn_project hover:secret-encrypt
image_with_and_without_archive
IMAGES=("$WORK/archive.tar" "$WORK/no-archive.tar")
if [ "$(jdk_feature_version)" -ge 24 ]; then
  mv "$WORK/archive.tar" "$WORK/aot-cache.tar"
  mvn_project package -DskipTests -Dhover.classDataArchive=appcds
  cp "$PROJECT/target/hover/bench/image.tar" "$WORK/appcds.tar"
  IMAGES=("$WORK/aot-cache.tar" "$WORK/appcds.tar" "$WORK/no-archive.tar")
fi
python3 bench/frameworks/images.py --runs "$RUNS" --path / --moto "$MOTO" \
  --fat-jar "$PROJECT/target/shop-1.0-SNAPSHOT.jar" --fat-jar-env "$SECRET" "${IMAGES[@]}"
