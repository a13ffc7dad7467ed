#!/usr/bin/env python3
"""Cold start of a framework's Hover image under aws-lambda-rie, against the same application
started by itself with the same JVM and JVM options.

Reads what a framework's invoker test left in hover-maven-plugin/target/it/<test>/ (run it first:
mvn -B -pl hover-maven-plugin -am verify -Dinvoker.test=<test>): the image's layers unpacked in
target/it-rootfs, the entry point in target/hover/staging/build.json. Then, ROUNDS times, in
alternating order:
  rie:   aws-lambda-rie starts the image's entry point (the Hover runtime, which starts the
         application's main); timed from the launch to the answer of the first invocation, an API
         Gateway event for GET /ready (JVM, runtime, application start, readiness, one request);
  alone: java with the same options and class path (the runtime's jar stays on it: the
         application links against Hover's API) and the application's main class (the packaged
         manifest's), the manifest's environment as real variables; timed from the launch to the
         first answer of GET /ready.
Prints every run and the medians, and the runtime's own "ready in" figure of each rie run.

Usage: bench/framework-cold-start.py TEST [TEST...]   (quarkus, micronaut, helidon-se, spring-boot, ...)
Environment: ROUNDS (default 5), HOVER_LOCAL_AWS_HOME (where aws-lambda-rie is, default .local-aws),
JAVA_HOME_<TEST> (a JVM for one test, e.g. JAVA_HOME_HELIDON_SE; default: the JVM the test used).
"""
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROUNDS = int(os.environ.get("ROUNDS", "5"))
TIMEOUT_S = 180
# how each framework is told its port, as the invoker tests tell it (Spring Boot reads PORT itself)
PORT_VARIABLES = {"quarkus": "QUARKUS_HTTP_PORT", "micronaut": "MICRONAUT_SERVER_PORT", "helidon-se": "SERVER_PORT"}
JAVA_21 = "/usr/lib/jvm/temurin-25-jdk-amd64"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def event(path):
    return json.dumps({"version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
                       "headers": {"host": "example.com"}, "isBase64Encoded": False,
                       "requestContext": {"http": {"method": "GET", "path": path, "protocol": "HTTP/1.1",
                                                   "sourceIp": "203.0.113.7", "userAgent": "bench"},
                                          "requestId": "bench", "routeKey": "$default", "stage": "$default"}}).encode()


def until(deadline, attempt):
    while time.monotonic() < deadline:
        try:
            return attempt()
        except (ConnectionError, OSError):
            time.sleep(0.005)
    raise TimeoutError("no answer in time")


class Test:
    def __init__(self, name):
        self.name = name
        self.dir = os.path.join(REPO, "hover-maven-plugin/target/it", name)
        self.task_root = os.path.join(self.dir, "target/it-rootfs/var/task")
        descriptor = json.load(open(os.path.join(self.dir, "target/hover/staging/build.json")))
        self.entrypoint = [part.replace("/var/task", self.task_root) for part in descriptor["image"]["entrypoint"]]
        manifest = json.load(open(os.path.join(self.task_root, "hover/stage.json")))
        self.main_class = manifest["mainClass"]
        self.environment = manifest.get("environment", {})
        self.port = int(re.search(r"port: (\d+)", open(os.path.join(self.dir, ".hover/staging.yml")).read()).group(1))
        java_home = os.environ.get("JAVA_HOME_" + name.upper().replace("-", "_"),
                                   JAVA_21 if name == "helidon-se" else os.environ.get("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"))
        self.java = os.path.join(java_home, "bin/java")

    def port_environment(self):
        variable = PORT_VARIABLES.get(self.name)
        return {variable: str(self.port)} if variable else {}

    def rie(self):
        rie = os.path.join(os.environ.get("HOVER_LOCAL_AWS_HOME", os.path.join(REPO, ".local-aws")), "bin/aws-lambda-rie")
        invoke_port = free_port()
        command = [self.java] + self.entrypoint[1:]
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update({"LAMBDA_TASK_ROOT": self.task_root, "HOVER_FUNCTION_TYPE": "http", "HOVER_STAGE": "staging",
                    "AWS_LAMBDA_FUNCTION_NAME": "demo-staging-http", "AWS_LAMBDA_FUNCTION_TIMEOUT": str(TIMEOUT_S),
                    "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"})
        env.update(self.port_environment())
        log = open(os.path.join(self.dir, "bench-rie.log"), "w")
        start = time.monotonic()
        process = subprocess.Popen([rie, "--runtime-interface-emulator-address", f"127.0.0.1:{invoke_port}",
                                    "--runtime-api-address", f"127.0.0.1:{free_port()}"] + command,
                                   env=env, stdout=log, stderr=subprocess.STDOUT, cwd=self.dir)
        try:
            url = f"http://127.0.0.1:{invoke_port}/2015-03-31/functions/function/invocations"
            answer = until(start + TIMEOUT_S, lambda: urllib.request.urlopen(
                urllib.request.Request(url, data=event("/ready")), timeout=TIMEOUT_S).read())
            elapsed = time.monotonic() - start
            assert json.loads(answer).get("statusCode", 500) < 500, answer
        finally:
            for child in subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split():
                subprocess.run(["kill", child])
            process.terminate()
            process.wait()
            log.close()
        ready = re.search(r"ready in (\d+) ms", open(log.name).read())
        return elapsed, int(ready.group(1)) if ready else None

    def alone(self):
        options = self.entrypoint[1:self.entrypoint.index("-cp")]
        # the runtime's jar stays: the application links against Hover's API (its commands and jobs)
        classpath = self.entrypoint[self.entrypoint.index("-cp") + 1]
        env = dict(os.environ)
        env.update(self.environment)
        env.update(self.port_environment())
        if self.name.startswith("spring-boot"):
            env["PORT"] = str(self.port)
        start = time.monotonic()
        process = subprocess.Popen([self.java] + options + ["-cp", classpath, self.main_class],
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=self.task_root)
        try:
            def probe():
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{self.port}/ready", timeout=5).read()
                except urllib.error.HTTPError as answered:
                    if answered.code >= 500:
                        raise ConnectionError(answered)
            until(start + TIMEOUT_S, probe)
            return time.monotonic() - start
        finally:
            process.terminate()
            process.wait()


def main(names):
    for name in names:
        test = Test(name)
        rie_runs, alone_runs, ready_lines = [], [], []
        for round_number in range(ROUNDS):
            order = ["rie", "alone"] if round_number % 2 == 0 else ["alone", "rie"]
            for mode in order:
                if mode == "rie":
                    elapsed, ready = test.rie()
                    rie_runs.append(elapsed)
                    ready_lines.append(ready)
                    print(f"{name} round {round_number + 1} rie   {elapsed * 1000:7.0f} ms (runtime: ready in {ready} ms)", flush=True)
                else:
                    elapsed = test.alone()
                    alone_runs.append(elapsed)
                    print(f"{name} round {round_number + 1} alone {elapsed * 1000:7.0f} ms", flush=True)
        rie_median, alone_median = statistics.median(rie_runs) * 1000, statistics.median(alone_runs) * 1000
        print(f"{name}: median of {ROUNDS}: under RIE {rie_median:.0f} ms, alone {alone_median:.0f} ms,"
              f" Hover adds {rie_median - alone_median:.0f} ms ({rie_median / alone_median:.2f}x);"
              f" runtime's ready-in median {statistics.median([r for r in ready_lines if r]):.0f} ms; java {test.java}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
