// The base image as a docker-save tar (no registry is reachable from the invoker run), and a free
// port for the stage, so that this test does not clash with another run on the same machine.
def support = evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
support.writeBaseImage(basedir)

def manifest = new File(basedir, '.hover/staging.yml')
manifest.text = manifest.text.replace('18240', support.freePort().toString())
true
