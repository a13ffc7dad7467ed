#!/usr/bin/env python3
"""Cold start of each framework's invoker-test application: under aws-lambda-rie through the Hover
runtime, and started by itself with the same JVM flags and class path.

Runs on the images the invoker tests built and unpacked (hover-maven-plugin/target/it/<name>/target/
it-rootfs): run them first, e.g.
    mvn -B verify -pl hover-maven-plugin -am -DskipTests -Dinvoker.test=spring-boot,javalin
then  bench/frameworks/coldstart.py [--runs 5] [name …]   (default: every framework test built there)

Per run, alternating which goes first:
  rie   process start of aws-lambda-rie to the answer of the first event (GET /ready through the
        runtime's proxy): what a first request pays, Lambda's own container start aside; the runtime's
        log line "ready in" (JVM process start to the application answering) is reported beside it;
  alone the application's main class by itself (`java <same flags> -cp <same> <main>`, the
        manifest's environment as system properties and environment variables), process start to
        GET /ready answering.
Beside each wall time, the CPU time the JVM had used when it was ready (user + system, from
/proc): on a machine shared with other work the wall times mostly measure the others, the CPU
time much less so.
Prints every run, then the medians and the ratios rie / alone.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
IT = REPO / 'hover-maven-plugin' / 'target' / 'it'
FRAMEWORKS = ['spring-boot', 'spring-boot-webflux', 'spring-boot-4', 'spring-boot-2', 'javalin', 'quarkus', 'micronaut',
              'helidon-se']
# what a framework's verify.groovy gives its function beside the manifest: the variable its
# framework takes the port from, and the JVM (helidon-se: Java 21+, hover.it.java21Home's default)
PORT_VARIABLES = {'quarkus': 'QUARKUS_HTTP_PORT', 'micronaut': 'MICRONAUT_SERVER_PORT', 'helidon-se': 'SERVER_PORT'}
JAVA_HOMES = {'helidon-se': os.environ.get('JAVA21_HOME', '/usr/lib/jvm/temurin-25-jdk-amd64')}


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def packaged_manifest(path):
    """The main class and environment of the packaged manifest, a java.util.Properties file
    (docs/runtime.md): key=value lines, backslash escapes, numbered environment entries."""
    def unescape(text):
        return re.sub(r'\\(u[0-9a-fA-F]{4}|.)', lambda m: chr(int(m.group(1)[1:], 16)) if len(m.group(1)) == 5
                      else {'t': '\t', 'n': '\n', 'r': '\r', 'f': '\f'}.get(m.group(1), m.group(1)), text)
    entries = {}
    for line in path.read_text(encoding='utf-8').splitlines():
        if line and not line.startswith('#'):
            key, value = re.match(r'((?:[^=:\\]|\\.)*)[=:](.*)', line).groups()
            entries[unescape(key)] = unescape(value)
    count = int(entries['environment.count'])
    environment = {entries['environment.%d.name' % i]: entries['environment.%d.value' % i] for i in range(1, count + 1)}
    return {'mainClass': entries['mainClass'], 'environment': environment,
            'http': {'port': int(entries['http.port']), 'readinessPath': entries['http.readinessPath']}}


def image_of(name):
    base = IT / name / 'target'
    java_home = JAVA_HOMES.get(name, os.environ.get('JAVA_HOME'))
    java = str(Path(java_home) / 'bin' / 'java') if java_home else shutil.which('java')
    image = image_at(name, base / 'it-unpacked', base / 'it-rootfs', java)
    # as Lambda's function configuration would set them, for both runs
    if name in PORT_VARIABLES:
        image['function_environment'][PORT_VARIABLES[name]] = str(image['stage']['http']['port'])
    return image


def image_at(name, layout, rootfs, java):
    """An image in OCI layout (`layout`) unpacked into `rootfs`, its entry point run with `java` in
    the task root (a class path relative to it, as with a class-data archive, works too)."""
    blob = lambda digest: layout / 'blobs' / digest.replace(':', '/')
    manifest = json.loads(blob(json.loads((layout / 'index.json').read_text())['manifests'][0]['digest']).read_text())
    config = json.loads(blob(manifest['config']['digest']).read_text())
    task_root = rootfs / 'var' / 'task'
    stage = packaged_manifest(task_root / 'hover' / 'stage.properties')
    entry = [arg.replace('/var/task', str(task_root)) for arg in config['config']['Entrypoint']]
    # with secrets, <task root>/hover/bin/hover-launch --name … -- <java> …: the launcher decrypts them, then execs java
    entry[entry.index('--') + 1 if '--' in entry else 0] = java
    # the image's own variables (PORT, SERVER_PORT, …), which Lambda gives every function, paths mapped
    image_environment = dict(variable.replace('/var/task', str(task_root)).split('=', 1)
                             for variable in config['config'].get('Env', []) if not variable.startswith('PATH='))
    return {'name': name, 'task_root': task_root, 'stage': stage, 'entry': entry,
            'image_environment': image_environment, 'function_environment': {}}


def alone_command(image):
    # the same class path: an application with hover-spring-boot needs dev.hover.runtime.api,
    # whose one copy in the image is the runtime's jar
    command = list(image['entry'])
    cp = command.index('-cp')
    assert command[-1] == 'dev.hover.runtime.Bootstrap', command[-1]
    command[-1] = image['stage']['mainClass']
    properties = ['-D%s=%s' % item for item in image['stage']['environment'].items()]
    return command[:cp] + properties + command[cp:]


def cpu_ms(pid):
    """User + system CPU time of a process so far and of its children that ended, from
    /proc/<pid>/stat (with secrets the process began as the launcher, whose time is counted with it)."""
    with open('/proc/%d/stat' % pid) as stat:
        fields = stat.read().rsplit(')', 1)[1].split()
    return sum(int(field) for field in fields[11:15]) * 1000 / os.sysconf('SC_CLK_TCK')


def java_child(pid):
    """The emulator's child (the bootstrap's JVM); any of its threads may have started it."""
    for task in Path('/proc/%d/task' % pid).iterdir():
        children = (task / 'children').read_text().split()
        if children:
            return int(children[0])
    raise RuntimeError('aws-lambda-rie %d has no child process' % pid)


def stop(process):
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def wait_port_free(port):
    for _ in range(500):
        with socket.socket() as s:
            if s.connect_ex(('127.0.0.1', port)) != 0:
                return
        time.sleep(0.01)


def run_alone(image, log):
    environment = dict(os.environ, **image['stage']['environment'], **image['function_environment'])
    return run_until_answers(image['name'], alone_command(image), image['task_root'], environment,
                             image['stage']['http']['port'], image['stage']['http']['readinessPath'], log)


def run_until_answers(name, command, cwd, environment, port, path, log):
    """Starts `command`; returns the wall time until GET `path` on `port` answered (below 500), None,
    and the CPU time the process had used by then."""
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=log, stderr=log, start_new_session=True)
    try:
        while True:
            try:
                with urllib.request.urlopen('http://127.0.0.1:%d%s' % (port, path), timeout=5) as response:
                    if response.status < 500:
                        return (time.monotonic() - start) * 1000, None, cpu_ms(process.pid)
            except urllib.error.HTTPError as e:
                if e.code < 500:
                    return (time.monotonic() - start) * 1000, None, cpu_ms(process.pid)
            except (ConnectionError, urllib.error.URLError, socket.timeout):
                pass
            if process.poll() is not None:
                sys.exit('%s exited by itself with %d; see %s' % (name, process.returncode, log.name))
            time.sleep(0.005)
    finally:
        stop(process)
        wait_port_free(port)


def run_rie(image, log, path=None):
    home = Path(os.environ.get('HOVER_LOCAL_AWS_HOME', REPO / '.local-aws'))
    rie = home / 'bin' / 'aws-lambda-rie'
    rie = str(rie) if rie.exists() else shutil.which('aws-lambda-rie')
    invoke_port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith('AWS_')}
    environment.update(image.get('image_environment', {}))
    environment.update(LAMBDA_TASK_ROOT=str(image['task_root']), HOVER_FUNCTION_TYPE='http', HOVER_STAGE='staging',
                       AWS_LAMBDA_FUNCTION_NAME='demo-staging-http', AWS_LAMBDA_FUNCTION_TIMEOUT='120',
                       AWS_REGION='us-east-1', AWS_ACCESS_KEY_ID='testing', AWS_SECRET_ACCESS_KEY='testing')
    environment.update(image['function_environment'])
    path = path or image['stage']['http']['readinessPath']
    event = json.dumps({'version': '2.0', 'routeKey': '$default', 'rawPath': path, 'rawQueryString': '',
                        'headers': {'host': 'example.com'}, 'isBase64Encoded': False,
                        'requestContext': {'http': {'method': 'GET', 'path': path, 'protocol': 'HTTP/1.1',
                                                    'sourceIp': '203.0.113.7', 'userAgent': 'bench'},
                                           'requestId': 'bench', 'domainName': 'example.com', 'stage': '$default'}}).encode()
    offset = log.tell()
    start = time.monotonic()
    process = subprocess.Popen([rie, '--runtime-interface-emulator-address', '127.0.0.1:%d' % invoke_port,
                                '--runtime-api-address', '127.0.0.1:%d' % free_port()] + image['entry'],
                               cwd=image['task_root'], env=environment, stdout=log, stderr=log, start_new_session=True)
    try:
        url = 'http://127.0.0.1:%d/2015-03-31/functions/function/invocations' % invoke_port
        while True:
            try:
                with urllib.request.urlopen(urllib.request.Request(url, data=event), timeout=180) as response:
                    answer = json.loads(response.read())
                    elapsed = (time.monotonic() - start) * 1000
                    cpu = cpu_ms(java_child(process.pid))
                    break
            except (ConnectionError, urllib.error.URLError):
                time.sleep(0.005)
        assert answer.get('statusCode', 500) < 500, answer
        log.flush()
        with open(log.name) as text:
            text.seek(offset)
            ready = re.search(r'ready in (\d+) ms', text.read())
        return elapsed, int(ready.group(1)) if ready else None, cpu
    finally:
        stop(process)
        wait_port_free(image['stage']['http']['port'])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('names', nargs='*')
    args = parser.parse_args()
    names = args.names or [n for n in FRAMEWORKS if (IT / n / 'target' / 'it-rootfs').is_dir()]
    if not names:
        sys.exit('no framework test built under %s: run the invoker tests first (see the top of this script)' % IT)
    summary = []
    for name in names:
        image = image_of(name)
        results = {'rie': [], 'ready': [], 'alone': [], 'rie_cpu': [], 'alone_cpu': []}
        with open(IT / name / 'bench-coldstart.log', 'w+') as log:
            for run in range(args.runs):
                order = ['rie', 'alone'] if run % 2 == 0 else ['alone', 'rie']
                for kind in order:
                    elapsed, ready, cpu = (run_rie if kind == 'rie' else run_alone)(image, log)
                    results[kind].append(elapsed)
                    results[kind + '_cpu'].append(cpu)
                    if kind == 'rie' and ready is not None:
                        results['ready'].append(ready)
                with open('/proc/loadavg') as load:
                    loadavg = load.read().split()[0]
                print('%-20s run %d: rie %6.0f ms (runtime ready in %s ms, cpu %5.0f ms), alone %6.0f ms (cpu %5.0f ms), load %s'
                      % (name, run + 1, results['rie'][-1], results['ready'][-1] if results['ready'] else '?',
                         results['rie_cpu'][-1], results['alone'][-1], results['alone_cpu'][-1], loadavg), flush=True)
        medians = {k: statistics.median(v) for k, v in results.items() if v}
        summary.append((name, medians))
    print()
    print('| framework | rie: first answer | runtime "ready in" | alone: ready | rie / alone | JVM CPU to ready, rie | alone | rie / alone |')
    print('| --- | --- | --- | --- | --- | --- | --- | --- |')
    for name, m in summary:
        print('| %s | %.0f ms | %s ms | %.0f ms | %.2f | %.0f ms | %.0f ms | %.2f |'
              % (name, m['rie'], '%.0f' % m['ready'] if 'ready' in m else '?', m['alone'], m['rie'] / m['alone'],
                 m['rie_cpu'], m['alone_cpu'], m['rie_cpu'] / m['alone_cpu']))


if __name__ == '__main__':
    main()
