// The Spring Boot application, unchanged, answers API Gateway HTTP API events through the Hover
// runtime: the image's layers unpacked into a directory, its entry point (with /var/task moved
// there and this machine's java) run under aws-lambda-rie.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

def stage = new File(basedir, 'target/hover/staging')
def log = new File(basedir, 'build.log').text
def json = new JsonSlurper()
assert log.contains('Main class demo.DemoApplication, as the project\'s build declares it')

def descriptor = json.parse(new File(stage, 'build.json'))
assert descriptor.output.kind == 'TAR'
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
def blob = { String digest -> new File(unpacked, 'blobs/' + digest.replace(':', '/')) }
def manifest = json.parse(blob(index.manifests[0].digest))
def config = json.parse(blob(manifest.config.digest))

def localAws = System.getenv('HOVER_LOCAL_AWS_HOME') ?: new File(basedir, '../../../../.local-aws').path
def rie = [new File(localAws, 'bin/aws-lambda-rie')]
        .plus(System.getenv('PATH').split(':').collect { new File(it, 'aws-lambda-rie') })
        .find { it.canExecute() }
assert rie != null: 'aws-lambda-rie not found in .local-aws/bin ($HOVER_LOCAL_AWS_HOME) nor on the PATH: run scripts/local-aws install'
def rootfs = new File(basedir, 'target/it-rootfs')
rootfs.mkdirs()
manifest.layers.each { run(['tar', '-xzf', blob(it.digest).path, '-C', rootfs.path]) }
def files = new File(rootfs, 'var/task/lib').list() as List
assert files.any { it.startsWith('spring-webmvc-') } && files.any { it.startsWith('tomcat-embed-core-') }

def taskRoot = new File(rootfs, 'var/task').path
def command = config.config.Entrypoint.collect { it.replace('/var/task', taskRoot) }
command[0] = new File(System.getProperty('java.home'), 'bin/java').path
def freePort = { new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort } }
def invokePort = freePort()
def rieLog = new File(basedir, 'rie.log')
def emulator = new ProcessBuilder([rie.path, '--runtime-interface-emulator-address', "127.0.0.1:${invokePort}".toString(),
                                   '--runtime-api-address', "127.0.0.1:${freePort()}".toString()] + command)
        .redirectErrorStream(true).redirectOutput(rieLog)
def environment = emulator.environment()
environment.keySet().removeAll(environment.keySet().findAll { it.startsWith('AWS_') })
// a generous timeout: Spring's cold start on a loaded 2-core machine takes seconds
environment.putAll([LAMBDA_TASK_ROOT: taskRoot, HOVER_FUNCTION_TYPE: 'http', HOVER_STAGE: 'staging',
                    AWS_LAMBDA_FUNCTION_NAME: 'demo-staging-http', AWS_LAMBDA_FUNCTION_TIMEOUT: '120',
                    AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing'])

def invocations = new URL("http://127.0.0.1:${invokePort}/2015-03-31/functions/function/invocations")
def event = { String method, String path, String query, Map headers, List cookies, String body ->
    JsonOutput.toJson([version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: query,
                       cookies: cookies, headers: [host: 'example.com'] + headers, body: body, isBase64Encoded: false,
                       requestContext: [accountId: '123456789012', apiId: 'api', domainName: 'example.com',
                                        http: [method: method, path: path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'it'],
                                        requestId: 'it-' + path, routeKey: '$default', stage: '$default', timeEpoch: 1795716000000]])
}
def invoke = { String payload ->
    def connection = invocations.openConnection()
    connection.requestMethod = 'POST'
    connection.doOutput = true
    connection.connectTimeout = 5000
    connection.readTimeout = 180000
    connection.outputStream.withWriter('UTF-8') { it << payload }
    json.parse(connection.inputStream, 'UTF-8')
}

def process = emulator.start()
try {
    def hello = event('GET', '/hello', 'name=Ada%20L', [accept: 'application/json'], ['session=abc123', 'theme=dark'], null)
    def response = null
    for (int attempt = 0; attempt < 300 && response == null; attempt++) {
        try {
            response = invoke(hello)
        } catch (ConnectException e) {
            Thread.sleep(100)
        }
    }
    assert response != null: 'aws-lambda-rie did not answer; see rie.log'
    assert response.statusCode == 200: rieLog.text
    assert response.headers['Content-Type'] == 'application/json'
    assert response.headers['X-Demo'] == 'spring'
    assert !response.headers.keySet().any { it.equalsIgnoreCase('transfer-encoding') || it.equalsIgnoreCase('set-cookie') }
    // two Set-Cookie headers, two cookies, in order
    assert response.cookies.size() == 2: response.cookies
    assert response.cookies[0] == 'visited=yes; Path=/; HttpOnly'
    assert response.cookies[1].startsWith('lang=en; Path=/; Max-Age=3600; Expires=')
    assert response.isBase64Encoded == false
    def body = json.parseText(response.body)
    // GREETING reached Spring from the manifest's environment; the cookie and the forwarded protocol from the event
    assert body == [message: 'Hello from the staging manifest, Ada L', session: 'abc123', forwardedProto: 'https']

    def echoed = invoke(event('POST', '/echo', '', ['content-type': 'application/json'], null,
            '{"text":"héllo wörld","n":42,"list":[1,2]}'))
    assert echoed.statusCode == 200: rieLog.text
    assert json.parseText(echoed.body) == [received: [text: 'héllo wörld', n: 42, list: [1, 2]], contentType: 'application/json']

    // Spring's own error handling (the /error forward) answers a path nobody mapped
    def missing = invoke(event('GET', '/nothing-here', '', [accept: 'application/json'], null, null))
    assert missing.statusCode == 404
    assert json.parseText(missing.body).path == '/nothing-here'

    // a missing required parameter: Spring's 400, not a failed invocation
    assert invoke(event('GET', '/hello', '', [:], null, null)).statusCode == 400

    def coldStart = rieLog.readLines().find { it.contains('cold start of demo-staging') }
    assert coldStart != null: rieLog.text
    println "[spring-boot IT] ${coldStart.substring(coldStart.indexOf('cold start'))}"
    new File(basedir, 'cold-start.txt').text = coldStart + '\n'
} finally {
    process.descendants().forEach { it.destroy() }
    process.destroy()
}
true
