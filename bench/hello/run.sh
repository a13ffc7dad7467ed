#!/usr/bin/env bash
# The Spring Boot hello application (bench/hello: one @RestController, Spring MVC on Tomcat) under
# aws-lambda-rie, cold start to the first answer (GET /hello), median of RUNS, alternating:
#   archive           Hover's image with the class-data archive hover:build trained
#   no-archive        the same image built with -Dhover.classDataArchive=false
#   serverless-java-container  aws-serverless-java-container-springboot3 2.1.5's StreamLambdaHandler
#                     (HTTP API, payload 2.0) run by AWS's runtime interface client 2.10.1, with the JVM
#                     options Hover's entry point has (C1 only, -Xshare:auto)
# All three run the same JVM, the base image's (bench/base-with-jvm.sh). The figure that counts is
# the JVM's CPU time to the first answer (on Lambda a function at 512 MB has about a third of a vCPU).
# Needs what bench/shop/run.sh needs.
# Usage: bench/hello/run.sh [RUNS, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
source bench/lib.sh
copy_project bench/hello
image_with_and_without_archive
# aws-serverless-java-container's handler and class path: the same application classes, its libraries
mvn_project -Pserverless-container dependency:copy-dependencies -DincludeScope=runtime
javac --release 17 -d "$PROJECT/target/container-classes" -cp "$PROJECT/target/classes:$PROJECT/target/dependency/*" \
  bench/hello/container/hello/StreamLambdaHandler.java
CLASSPATH_CONTAINER="$PROJECT/target/container-classes:$PROJECT/target/classes:$(ls "$PROJECT"/target/dependency/*.jar | paste -sd:)"
python3 bench/frameworks/images.py --runs "$RUNS" --path /hello \
  --bootstrap "serverless-java-container=java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xshare:auto -cp $CLASSPATH_CONTAINER com.amazonaws.services.lambda.runtime.api.client.AWSLambda hello.StreamLambdaHandler::handleRequest" \
  "$WORK/archive.tar" "$WORK/no-archive.tar"
