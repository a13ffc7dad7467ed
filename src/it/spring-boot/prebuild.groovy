// No registry is reachable from the invoker run: write the base image as a docker-save tar with
// one small layer (the JVM comes from the machine when the image is run). Then give the stage a
// free port, so that this test does not clash with another run on the same machine.
import java.security.MessageDigest

def target = new File(basedir, 'target/it-base')
target.mkdirs()
def rootfs = new File(target, 'rootfs/etc')
rootfs.mkdirs()
new File(rootfs, 'hover-it-base').text = 'a base image for the invoker test\n'

def run = { List<String> command ->
    def process = new ProcessBuilder(command).directory(target).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0: "${command} failed: ${output}"
}
run(['tar', '--sort=name', '--mtime=@0', '--owner=0', '--group=0', '-cf', 'layer.tar', '-C', 'rootfs', 'etc'])
def diffId = 'sha256:' + MessageDigest.getInstance('SHA-256').digest(new File(target, 'layer.tar').bytes).encodeHex()
new File(target, 'config.json').text = """{"architecture":"amd64","os":"linux",
  "config":{"Env":["PATH=/usr/bin:/bin"]},
  "rootfs":{"type":"layers","diff_ids":["${diffId}"]}}"""
new File(target, 'manifest.json').text =
        '[{"Config":"config.json","RepoTags":["hover-it/base:1"],"Layers":["layer.tar"]}]'
run(['tar', '-cf', new File(basedir, 'target/it-base.tar').path, 'manifest.json', 'config.json', 'layer.tar'])

def port = new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort }
def manifest = new File(basedir, '.hover/staging.yml')
manifest.text = manifest.text.replace('18240', port.toString())
true
