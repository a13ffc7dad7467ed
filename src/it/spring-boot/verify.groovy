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
def support = evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
def image = support.openImage(basedir, new File(stage, 'image.tar'))
def config = image.config
def rootfs = new File(basedir, 'target/it-rootfs')
image.unpackLayers(rootfs)
def files = new File(rootfs, 'var/task/lib').list() as List
assert files.any { it.startsWith('spring-webmvc-') } && files.any { it.startsWith('tomcat-embed-core-') }

// a generous timeout: Spring's cold start on a loaded 2-core machine takes seconds
def rie = support.startUnderRie(basedir, config, rootfs, [AWS_LAMBDA_FUNCTION_TIMEOUT: '120'])
def rieLog = rie.log

def event = { String method, String path, String query, Map headers, List cookies, String body ->
    JsonOutput.toJson([version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: query,
                       cookies: cookies, headers: [host: 'example.com'] + headers, body: body, isBase64Encoded: false,
                       requestContext: [accountId: '123456789012', apiId: 'api', domainName: 'example.com',
                                        http: [method: method, path: path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'it'],
                                        requestId: 'it-' + path, routeKey: '$default', stage: '$default', timeEpoch: 1795716000000]])
}
def invoke = { String payload -> support.invoke(rie.invocations, payload) }

try {
    def hello = event('GET', '/hello', 'name=Ada%20L', [accept: 'application/json'], ['session=abc123', 'theme=dark'], null)
    def response = invoke(hello)
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
    support.stop(rie.process)
}
true
