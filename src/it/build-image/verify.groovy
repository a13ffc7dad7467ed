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
// the stage has secrets: the launcher decrypts them, then execs the JVM
assert descriptor.image.entrypoint[0..8] == ['/var/task/hover/bin/hover-launch', '--name', 'demo-staging', '--stage', 'staging',
                                             '--secrets', '/var/task/hover/secrets.env', '--', 'java']
assert descriptor.image.entrypoint[-1] == 'dev.hover.runtime.Bootstrap'
// the runtime layer is the runtime's one jar, its libraries relocated inside
def runtimeJars = descriptor.image.layers.find { it.name == 'hover-runtime' }.entries*.target
assert runtimeJars.size() == 1 && runtimeJars[0] ==~ /\/var\/task\/hover\/runtime\/hover-lambda-runtime-.+\.jar/: runtimeJars
assert descriptor.image.environment.PORT != null
assert descriptor.image.labels['dev.hover.build-id'] == descriptor.buildId
// no snapshot dependency: that layer is left out
def layerNames = descriptor.image.layers*.name
assert layerNames == ['release-dependencies', 'hover-runtime', 'resources', 'classes', 'hover-launcher', 'hover-stage']
assert log.contains('Main class demo.App, as the project\'s build declares it')

// ASSET_URL reached the asset command, and its output was collected
assert new File(stage, 'assets/asset-url.txt').text == "/assets/${descriptor.buildId}"
assert descriptor.assets.files == 1

// the tar is an OCI image layout whose manifest is the recorded digest
def support = evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
def image = support.openImage(basedir, new File(stage, 'image.tar'))
assert image.manifestDigest == descriptor.output.digest
def config = image.config
assert config.architecture == 'amd64'
assert config.config.WorkingDir == '/var/task'
assert config.config.Labels['dev.hover.stage'] == 'staging'

def files = image.files
assert files.any { it.endsWith('var/task/lib/commons-lang3-3.17.0.jar') }
assert files.any { it.contains('var/task/hover/runtime/hover-lambda-runtime-') }
assert files.any { it.endsWith('var/task/app/classes/demo/App.class') }
assert files.any { it.endsWith('var/task/app/resources/application.properties') }
assert files.any { it.endsWith('var/task/hover/stage.properties') }
assert files.any { it.endsWith('var/task/hover/secrets.env') }
assert files.any { it.endsWith('var/task/hover/bin/hover-launch') }
assert !files.any { it.contains('plain') || it.contains('AppFixture') || it.contains('test-classes') }

// The image runs: its layers unpacked into a directory, its entry point (with /var/task moved
// there and this machine's java) under aws-lambda-rie, an HTTP event gets the app's answer.
def rootfs = new File(basedir, 'target/it-rootfs')
image.unpackLayers(rootfs)
// the launcher as the layer left it: executable
assert new File(rootfs, 'var/task/hover/bin/hover-launch').canExecute()
// the launcher decrypts secrets.env with KMS, which this run does not stand up (spring-boot-environment does):
// the runtime's JVM alone, given the secret as the launcher would
assert new File(rootfs, 'var/task/hover/secrets.env').delete()
def jvmAlone = [config: config.config + [Entrypoint: config.config.Entrypoint.drop(config.config.Entrypoint.indexOf('--') + 1)]]
def rie = support.startUnderRie(basedir, jvmAlone, rootfs, [:])
try {
    def event = '''{"version": "2.0", "routeKey": "$default", "rawPath": "/hello", "rawQueryString": "",
        "headers": {"host": "example.com"}, "isBase64Encoded": false,
        "requestContext": {"accountId": "123456789012", "apiId": "api", "domainName": "example.com",
          "http": {"method": "GET", "path": "/hello", "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1", "userAgent": "it"},
          "requestId": "it-1", "routeKey": "$default", "stage": "$default", "timeEpoch": 1795716000000}}'''
    def response = support.invoke(rie.invocations, event)
    assert response.statusCode == 200: new File(basedir, 'rie.log').text
    assert response.body == 'Hello from the image at /hello'
} finally {
    support.stop(rie.process)
}
true
