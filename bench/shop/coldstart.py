#!/usr/bin/env python3
"""The shop's cold starts (bench/shop/run.sh builds what this runs): each image tar given is unpacked
and its entry point run with the image's own JVM under aws-lambda-rie, GET / as the first event
(bench/frameworks/coldstart.py's run_rie); the fat jar runs as `java -jar` with the JVM's defaults,
the same JVM, until GET / answers. Per run the order rotates. Prints every run, then the medians and
the ratios to the fat jar, wall time and the JVM's CPU time (on a shared machine the CPU time is the
steadier figure)."""
import argparse
import json
import statistics
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'frameworks'))
import coldstart  # noqa: E402

JAVA = 'opt/java/openjdk/bin/java'
FIRST_PATH = '/'


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


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--moto', required=True, help="moto's endpoint, for the secrets' KMS")
    parser.add_argument('--jar', required=True)
    parser.add_argument('--secret', required=True, help='NAME=value the fat jar gets in its environment')
    parser.add_argument('images', nargs='+', help='image tars, named by their file name')
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix='shop-bench-'))
    print('logs in %s' % (work / 'bench.log'))
    kinds = {}
    for tar in map(Path, args.images):
        layout, rootfs = unpack(tar, work / tar.stem)
        image = coldstart.image_at(tar.stem, layout, rootfs, str(rootfs / JAVA))
        image['function_environment'].update(AWS_ENDPOINT_URL=args.moto)
        kinds[tar.stem] = (lambda image: lambda log: coldstart.run_rie(image, log, FIRST_PATH))(image)
    first = work / Path(args.images[0]).stem
    java = str(first / 'rootfs' / JAVA)
    port = coldstart.image_at('fat-jar', first / 'layout', first / 'rootfs', java)['stage']['http']['port']
    name, value = args.secret.split('=', 1)
    environment = dict(coldstart.os.environ, SERVER_PORT=str(port), **{name: value})
    kinds['fat-jar'] = lambda log: coldstart.run_until_answers('fat-jar', [java, '-jar', args.jar], work, environment,
                                                               port, FIRST_PATH, log)
    names = list(kinds)
    results = {k: {'wall': [], 'cpu': [], 'ready': []} for k in names}
    with open(work / 'bench.log', 'w+') as log:
        for run in range(args.runs):
            order = names[run % len(names):] + names[:run % len(names)]
            line = []
            for kind in order:
                wall, ready, cpu = kinds[kind](log)
                results[kind]['wall'].append(wall)
                results[kind]['cpu'].append(cpu)
                if ready is not None:
                    results[kind]['ready'].append(ready)
                line.append('%s %.0f ms (cpu %.0f ms%s)' % (kind, wall, cpu, ', ready in %d ms' % ready if ready else ''))
            with open('/proc/loadavg') as load:
                loadavg = load.read().split()[0]
            print('run %d: %s; load %s' % (run + 1, ', '.join(line), loadavg), flush=True)
    medians = {k: {m: statistics.median(v) for m, v in r.items() if v} for k, r in results.items()}
    fat = medians['fat-jar']
    print()
    print('| start | first answer (median) | JVM CPU to it | wall / fat jar | CPU / fat jar |')
    print('| --- | --- | --- | --- | --- |')
    for kind in names:
        m = medians[kind]
        print('| %s | %.0f ms | %.0f ms | %.2f | %.2f |' % (kind, m['wall'], m['cpu'], m['wall'] / fat['wall'],
                                                           m['cpu'] / fat['cpu']))


if __name__ == '__main__':
    main()
