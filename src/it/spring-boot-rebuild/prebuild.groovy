// The base image as a docker-save tar (no registry is reachable from the invoker run), moved out
// of target/: each of the three builds starts with clean.
def support = evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
support.writeBaseImage(basedir)
assert new File(basedir, 'target/it-base.tar').renameTo(new File(basedir, 'it-base.tar'))
// what an earlier run of this test (in the same clone) remembered
new File(basedir, 'hover-cache').deleteDir()
true
