// Shared by the invoker tests that build an image offline and run it (build-image and the framework
// tests, whose common checks are in app-checks.groovy).
// Their scripts load it with evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
// (basedir is the test's copy under hover-maven-plugin/target/it/) and call the closures it returns.
import groovy.json.JsonSlurper

import java.security.MessageDigest

def run = { File directory, List<String> command ->
    def process = new ProcessBuilder(command).directory(directory).start()
    def output = process.inputStream.text
    def errors = process.errorStream.text
    assert process.waitFor() == 0: "${command} failed: ${errors}"
    output
}
def freePort = { new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort } }

// No registry is reachable from the invoker run: the base image is a docker-save tar,
// target/it-base.tar, with one small layer (the JVM comes from the machine when the image is run).
def writeBaseImage = { File basedir ->
    def target = new File(basedir, 'target/it-base')
    def rootfs = new File(target, 'rootfs/etc')
    rootfs.mkdirs()
    new File(rootfs, 'hover-it-base').text = 'a base image for the invoker test\n'
    run(target, ['tar', '--sort=name', '--mtime=@0', '--owner=0', '--group=0', '-cf', 'layer.tar', '-C', 'rootfs', 'etc'])
    def diffId = 'sha256:' + MessageDigest.getInstance('SHA-256').digest(new File(target, 'layer.tar').bytes).encodeHex()
    new File(target, 'config.json').text = """{"architecture":"amd64","os":"linux",
  "config":{"Env":["PATH=/usr/bin:/bin"]},
  "rootfs":{"type":"layers","diff_ids":["${diffId}"]}}"""
    new File(target, 'manifest.json').text =
            '[{"Config":"config.json","RepoTags":["hover-it/base:1"],"Layers":["layer.tar"]}]'
    run(target, ['tar', '-cf', new File(basedir, 'target/it-base.tar').path, 'manifest.json', 'config.json', 'layer.tar'])
}

[
    freePort: freePort,

    // The OCI image layout of <imageTar> unpacked into <basedir>/target/it-unpacked. Answers
    // [manifestDigest, manifest, config, files (every layer's file names), unpackLayers (into a directory)].
    openImage: { File basedir, File imageTar ->
        def unpacked = new File(basedir, 'target/it-unpacked')
        unpacked.mkdirs()
        run(unpacked, ['tar', '-xf', imageTar.path])
        def json = new JsonSlurper()
        def blob = { String digest -> new File(unpacked, 'blobs/' + digest.replace(':', '/')) }
        def manifestDigest = json.parse(new File(unpacked, 'index.json')).manifests[0].digest
        def manifest = json.parse(blob(manifestDigest))
        [manifestDigest: manifestDigest,
         manifest      : manifest,
         config        : json.parse(blob(manifest.config.digest)),
         files         : manifest.layers.collect { run(unpacked, ['tar', '-tzf', blob(it.digest).path]).readLines() }.flatten(),
         unpackLayers  : { File rootfs ->
             rootfs.mkdirs()
             manifest.layers.each { run(unpacked, ['tar', '-xzf', blob(it.digest).path, '-C', rootfs.path]) }
         }]
    },

    writeBaseImage: writeBaseImage,

    // The SDK's standard settings point the test's own Maven run at moto (the one scripts/local-aws
    // started), with dummy credentials: Maven reads .mvn/maven.config as command line options, and
    // -D options become system properties.
    pointMavenAtMoto: { File basedir ->
        def mvn = new File(basedir, '.mvn')
        mvn.mkdirs()
        new File(mvn, 'maven.config').text = [
                "-Daws.endpointUrl=${System.getenv('HOVER_TEST_MOTO_ENDPOINT')}",
                '-Daws.accessKeyId=it-access-key',
                '-Daws.secretAccessKey=it-secret-key',
        ].join('\n') + '\n'
    },

    // What every framework test's prebuild does: the base image, and a free port for the stage in
    // place of the manifest's placeholder, so that parallel runs on one machine do not clash. A test
    // that runs another test's application takes that test's manifest (from: its .hover/staging.yml).
    prepareStage: { File basedir, String portPlaceholder, File from = null ->
        writeBaseImage(basedir)
        def manifest = new File(basedir, '.hover/staging.yml')
        manifest.parentFile.mkdirs()
        manifest.text = (from ?: manifest).text.replace(portPlaceholder, freePort().toString())
    },

    // The image's entry point, with /var/task moved to <rootfs>/var/task and this machine's java,
    // started under aws-lambda-rie as the http function of demo-staging (extraEnvironment may name
    // another: HOVER_FUNCTION_TYPE, AWS_LAMBDA_FUNCTION_NAME); its output goes to <basedir>/rie.log
    // for the http function, rie-<type>.log for another. Answers [process, invocations (the invoke URL), log].
    // javaHome stands in for the base image's JVM: this machine's (the build's) unless given.
    startUnderRie: { File basedir, Map imageConfig, File rootfs, Map<String, String> extraEnvironment,
                     String javaHome = System.getProperty('java.home') ->
        // where scripts/local-aws installs it (HOVER_LOCAL_AWS_HOME, else <repo>/.local-aws), then the PATH
        def localAwsHome = System.getenv('HOVER_LOCAL_AWS_HOME') ?: new File(basedir, '../../../../.local-aws').path
        def rie = [new File(localAwsHome, 'bin/aws-lambda-rie')]
                .plus(System.getenv('PATH').split(':').collect { new File(it, 'aws-lambda-rie') })
                .find { it.canExecute() }
        assert rie != null: 'aws-lambda-rie not found in $HOVER_LOCAL_AWS_HOME/bin, .local-aws/bin nor on the PATH: run scripts/local-aws install'
        def taskRoot = new File(rootfs, 'var/task').path
        def command = imageConfig.config.Entrypoint.collect { it.replace('/var/task', taskRoot) }
        // java comes first, or after the launcher's `--` when the stage has secrets (docs/image.md)
        command[command.indexOf('--') + 1] = new File(javaHome, 'bin/java').path
        def invokePort = freePort()
        def type = extraEnvironment.HOVER_FUNCTION_TYPE ?: 'http'
        def log = new File(basedir, type == 'http' ? 'rie.log' : "rie-${type}.log")
        def emulator = new ProcessBuilder([rie.path, '--runtime-interface-emulator-address', "127.0.0.1:${invokePort}".toString(),
                                           '--runtime-api-address', "127.0.0.1:${freePort()}".toString()] + command)
                .redirectErrorStream(true).redirectOutput(log)
        def environment = emulator.environment()
        environment.keySet().removeAll(environment.keySet().findAll { it.startsWith('AWS_') })
        // the image's environment, as Lambda starts the container with it (this machine's PATH kept)
        imageConfig.config.Env.collect { it.split('=', 2) }.findAll { it[0] != 'PATH' }.each { environment.put(it[0], it[1]) }
        environment.putAll([LAMBDA_TASK_ROOT: taskRoot, HOVER_FUNCTION_TYPE: 'http', HOVER_STAGE: 'staging',
                            AWS_LAMBDA_FUNCTION_NAME: 'demo-staging-http', AWS_LAMBDA_FUNCTION_TIMEOUT: '30',
                            AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing'])
        environment.putAll(extraEnvironment)
        [process    : emulator.start(),
         invocations: new URL("http://127.0.0.1:${invokePort}/2015-03-31/functions/function/invocations"),
         log        : log]
    },

    // POSTs an event to the emulator and answers the parsed response; waits while the emulator
    // does not accept connections yet. The read timeout is generous: a cold start on a loaded
    // 2-core machine takes seconds.
    invoke: { URL invocations, String event ->
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                def connection = invocations.openConnection()
                connection.requestMethod = 'POST'
                connection.doOutput = true
                connection.connectTimeout = 5000
                connection.readTimeout = 180000
                connection.outputStream.withWriter('UTF-8') { it << event }
                return new JsonSlurper().parse(connection.inputStream, 'UTF-8')
            } catch (ConnectException e) {
                Thread.sleep(100)
            }
        }
        assert false: 'aws-lambda-rie did not accept connections; see rie.log'
    },

    // Ends the emulator and the runtime it started, and waits for them, so the next start gets their ports.
    stop: { Process process ->
        def started = process.descendants().toList()
        started.each { it.destroy() }
        process.destroy()
        started.each { it.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS) }
        process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)
    },
]
