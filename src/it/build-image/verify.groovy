// hover:build ran in the package phase: the OCI tar, the descriptor, the assets.
import groovy.json.JsonSlurper

def stage = new File(basedir, 'target/hover/staging')
def log = new File(basedir, 'build.log').text
def json = new JsonSlurper()

def descriptor = json.parse(new File(stage, 'build.json'))
assert descriptor.buildId ==~ /\d{8}T\d{6}Z-[0-9a-f]{6}/
assert descriptor.stage == 'staging'
assert descriptor.manifestSha256 ==~ /[0-9a-f]{64}/
assert descriptor.output.kind == 'TAR'
assert descriptor.output.digest ==~ /sha256:[0-9a-f]{64}/
assert descriptor.image.entrypoint[0] == 'java'
assert descriptor.image.entrypoint[-1] == 'dev.hover.runtime.Bootstrap'
assert descriptor.image.labels['dev.hover.build-id'] == descriptor.buildId
// no snapshot dependency: that layer is left out
def layerNames = descriptor.image.layers*.name
assert layerNames == ['release-dependencies', 'hover-runtime', 'resources', 'classes', 'hover-stage']
assert log.contains('Main class demo.App, as the project\'s build declares it')

// ASSET_URL reached the asset command, and its output was collected
assert new File(stage, 'assets/asset-url.txt').text == "/assets/${descriptor.buildId}"
assert descriptor.assets.files == 1

// the tar is an OCI image layout whose manifest is the recorded digest
def unpacked = new File(basedir, 'target/it-unpacked')
unpacked.mkdirs()
def run = { List<String> command ->
    def process = new ProcessBuilder(command).directory(unpacked).start()
    def output = process.inputStream.text
    process.errorStream.text
    assert process.waitFor() == 0: "${command} failed"
    output
}
run(['tar', '-xf', new File(stage, 'image.tar').path])
def index = json.parse(new File(unpacked, 'index.json'))
def manifestDigest = index.manifests[0].digest
assert manifestDigest == descriptor.output.digest
def blob = { String digest -> new File(unpacked, 'blobs/' + digest.replace(':', '/')) }
def manifest = json.parse(blob(manifestDigest))
def config = json.parse(blob(manifest.config.digest))
assert config.architecture == 'amd64'
assert config.config.WorkingDir == '/var/task'
assert config.config.Labels['dev.hover.stage'] == 'staging'

def files = manifest.layers.collect { run(['tar', '-tzf', blob(it.digest).path]).readLines() }.flatten()
assert files.any { it.endsWith('var/task/lib/commons-lang3-3.17.0.jar') }
assert files.any { it.contains('var/task/hover/runtime/hover-lambda-runtime-') }
assert files.any { it.endsWith('var/task/app/classes/demo/App.class') }
assert files.any { it.endsWith('var/task/app/resources/application.properties') }
assert files.any { it.endsWith('var/task/hover/stage.json') }
assert files.any { it.endsWith('var/task/hover/secrets.env') }
assert !files.any { it.contains('plain') || it.contains('AppFixture') || it.contains('test-classes') }

// The image runs: its layers unpacked into a directory, its entry point (with /var/task moved
// there and this machine's java) under aws-lambda-rie, an HTTP event gets the app's answer.
// where scripts/local-aws installs it (HOVER_LOCAL_AWS_HOME, else <repo>/.local-aws), then the PATH
def localAwsHome = System.getenv('HOVER_LOCAL_AWS_HOME') ?: new File(basedir, '../../../../.local-aws').path
def rie = [new File(localAwsHome, 'bin/aws-lambda-rie')]
        .plus(System.getenv('PATH').split(':').collect { new File(it, 'aws-lambda-rie') })
        .find { it.canExecute() }
assert rie != null: 'aws-lambda-rie not found in $HOVER_LOCAL_AWS_HOME/bin, .local-aws/bin nor on the PATH: run scripts/local-aws install'
def rootfs = new File(basedir, 'target/it-rootfs')
rootfs.mkdirs()
manifest.layers.each { run(['tar', '-xzf', blob(it.digest).path, '-C', rootfs.path]) }
// the runtime decrypts secrets.env with KMS, which this run does not stand up
assert new File(rootfs, 'var/task/hover/secrets.env').delete()
def taskRoot = new File(rootfs, 'var/task').path
def command = config.config.Entrypoint.collect { it.replace('/var/task', taskRoot) }
command[0] = new File(System.getProperty('java.home'), 'bin/java').path
def freePort = { new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort } }
def invokePort = freePort()
def emulator = new ProcessBuilder([rie.path, '--runtime-interface-emulator-address', "127.0.0.1:${invokePort}".toString(),
                                   '--runtime-api-address', "127.0.0.1:${freePort()}".toString()] + command)
        .redirectErrorStream(true).redirectOutput(new File(basedir, 'rie.log'))
def environment = emulator.environment()
environment.keySet().removeAll(environment.keySet().findAll { it.startsWith('AWS_') })
environment.putAll([LAMBDA_TASK_ROOT: taskRoot, HOVER_FUNCTION_TYPE: 'http', HOVER_STAGE: 'staging',
                    AWS_LAMBDA_FUNCTION_NAME: 'demo-staging-http', AWS_LAMBDA_FUNCTION_TIMEOUT: '30',
                    AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing'])
def process = emulator.start()
try {
    def invocations = new URL("http://127.0.0.1:${invokePort}/2015-03-31/functions/function/invocations")
    def event = '''{"version": "2.0", "routeKey": "$default", "rawPath": "/hello", "rawQueryString": "",
        "headers": {"host": "example.com"}, "isBase64Encoded": false,
        "requestContext": {"accountId": "123456789012", "apiId": "api", "domainName": "example.com",
          "http": {"method": "GET", "path": "/hello", "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1", "userAgent": "it"},
          "requestId": "it-1", "routeKey": "$default", "stage": "$default", "timeEpoch": 1795716000000}}'''
    def response = null
    for (int attempt = 0; attempt < 100 && response == null; attempt++) {
        try {
            def connection = invocations.openConnection()
            connection.requestMethod = 'POST'
            connection.doOutput = true
            connection.readTimeout = 60000
            connection.outputStream.withWriter { it << event }
            response = json.parse(connection.inputStream)
        } catch (ConnectException e) {
            Thread.sleep(100)
        }
    }
    assert response != null: 'aws-lambda-rie did not answer; see rie.log'
    assert response.statusCode == 200: new File(basedir, 'rie.log').text
    assert response.body == 'Hello from the image at /hello'
} finally {
    process.descendants().forEach { it.destroy() }
    process.destroy()
}
true
