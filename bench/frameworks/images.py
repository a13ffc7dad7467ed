#!/usr/bin/env python3
"""Cold starts of built images and of other ways to run the same application, to the first answer,
alternating (bench/shop/run.sh and bench/hello/run.sh build what this runs):
  an image tar      unpacked, its entry point run with the image's own JVM (/opt/java/openjdk) under
                    aws-lambda-rie, the first event a GET of --path (coldstart.py's run_rie); named by
                    its file name;
  --bootstrap       NAME=COMMAND: another Lambda bootstrap under aws-lambda-rie, the same event
                    (e.g. AWS's runtime interface client with aws-serverless-java-container);
  --fat-jar         the application's own jar, `java -jar` with the JVM's defaults, until GET --path answers.
Per run the order rotates. Prints every run, then the medians and the ratios to the last kind given
(the fat jar when there is one), wall time and the JVM's CPU time (user + system, the launcher's
included: it became the JVM): on a shared machine the CPU time is the steadier figure."""
import argparse
import json
import os
import shlex
import shutil
import statistics
import tarfile
import tempfile
from pathlib import Path

import coldstart

JAVA = 'opt/java/openjdk/bin/java'


def unpack(tar, into):
    """An OCI tar (Jib's) into its layout and its layers into a root file system, file times kept."""
    layout, rootfs = into / 'layout', into / 'rootfs'
    with tarfile.open(tar) as image:
        image.extractall(layout)
    blob = lambda digest: layout / 'blobs' / digest.replace(':', '/')
    manifest = json.loads(blob(json.loads((layout / 'index.json').read_text())['manifests'][0]['digest']).read_text())
    for layer in manifest['layers']:
        with tarfile.open(blob(layer['digest'])) as files:
            files.extractall(rootfs)
    return layout, rootfs


def pairs(values):
    return dict(value.split('=', 1) for value in values)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--path', default='/', help='what the first request asks for')
    parser.add_argument('--moto', help="moto's endpoint, for the KMS of an image with secrets")
    parser.add_argument('--bootstrap', action='append', default=[], metavar='NAME=COMMAND')
    parser.add_argument('--fat-jar')
    parser.add_argument('--fat-jar-env', action='append', default=[], metavar='NAME=VALUE',
                        help="the fat jar's environment (a secret the image decrypts)")
    parser.add_argument('images', nargs='+', help='image tars')
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix='bench-images-'))
    print('logs in %s (kept with BENCH_KEEP=1)' % (work / 'bench.log'))
    kinds = {}
    images = []
    for tar in map(Path, args.images):
        layout, rootfs = unpack(tar, work / tar.stem)
        image = coldstart.image_at(tar.stem, layout, rootfs, str(rootfs / JAVA))
        if args.moto:
            image['function_environment'].update(AWS_ENDPOINT_URL=args.moto)
        images.append(image)
        kinds[tar.stem] = (lambda image: lambda log: coldstart.run_rie(image, log, args.path))(image)
    # the other kinds run the first image's JVM
    java = str(work / Path(args.images[0]).stem / 'rootfs' / JAVA)
    port = images[0]['stage']['http']['port']
    for name, command in pairs(args.bootstrap).items():
        bootstrap = {'name': name, 'task_root': work, 'stage': images[0]['stage'],
                     'entry': [java if word == 'java' else word for word in shlex.split(command)],
                     'image_environment': {}, 'function_environment': {}}
        kinds[name] = (lambda image: lambda log: coldstart.run_rie(image, log, args.path))(bootstrap)
    if args.fat_jar:
        environment = dict(os.environ, SERVER_PORT=str(port), **pairs(args.fat_jar_env))
        kinds['fat-jar'] = lambda log: coldstart.run_until_answers('fat-jar', [java, '-jar', args.fat_jar], work,
                                                                   environment, port, args.path, log)
    names = list(kinds)
    results = {k: {'wall': [], 'cpu': []} for k in names}
    with open(work / 'bench.log', 'w+') as log:
        for run in range(args.runs):
            order = names[run % len(names):] + names[:run % len(names)]
            line = []
            for kind in order:
                wall, ready, cpu = kinds[kind](log)
                results[kind]['wall'].append(wall)
                results[kind]['cpu'].append(cpu)
                line.append('%s %.0f ms (cpu %.0f ms%s)' % (kind, wall, cpu, ', ready in %d ms' % ready if ready else ''))
            with open('/proc/loadavg') as load:
                loadavg = load.read().split()[0]
            print('run %d: %s; load %s' % (run + 1, ', '.join(line), loadavg), flush=True)
    if not os.environ.get('BENCH_KEEP'):
        shutil.rmtree(work)
    medians = {k: {m: statistics.median(v) for m, v in r.items()} for k, r in results.items()}
    reference = names[-1]
    print()
    print('| start | first answer (median) | JVM CPU to it | wall / %s | CPU / %s |' % (reference, reference))
    print('| --- | --- | --- | --- | --- |')
    for kind in names:
        m, r = medians[kind], medians[reference]
        print('| %s | %.0f ms | %.0f ms | %.2f | %.2f |' % (kind, m['wall'], m['cpu'], m['wall'] / r['wall'],
                                                           m['cpu'] / r['cpu']))


if __name__ == '__main__':
    main()
