// The checks every framework's invoker test runs (spring-boot, spring-boot-webflux, spring-boot-4,
// spring-boot-2, javalin, …): the application, built into an image by hover:build with no change
// for Hover, answers under aws-lambda-rie as the http function and, where the framework has
// dependency injection, runs a command as the cli function and a job as the queue function.
// A test's verify.groovy loads it with evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
// and calls run(basedir, [jobs: true|false, logs: <a line the application logs as it starts>]); its
// prebuild.groovy calls image-support's prepareStage. More options: jobClass (the job's class,
// demo.VisitJob unless given), environment (more variables for every function's container, as
// Lambda's function configuration would set them), javaHome (the JVM standing in for the base
// image's, when the application needs a newer Java than the build's), redirect (a closure from a host to
// the Location the application's GET /go answers: its absolute URL for /done, through the public URL; see
// checkPublicUrl), httpChecks (a closure given invoke and the log, run in the http function's container
// after the checks above: a test's own requests, events made with httpEvent).
//
// What the application serves, each in its framework's own style; GREETING comes from the stage
// manifest's environment ("Hello from the staging manifest"):
//   GET  /ready                       2xx: the manifest's http.readiness-path
//   GET  /hello?name=Ada%20L          200 application/json {"message": "<GREETING>, Ada L", "session": <the cookie session>},
//                                     with two Set-Cookie headers, visited=yes… then lang=en…
//   POST /echo (application/json)     200 application/json: the same JSON value back
//   GET  /binary                      200 application/octet-stream: the 256 bytes 0, 1, … 255
//   GET  /files/caf%C3%A9%20menu.txt  200 text/plain: café menu.txt (the path segment, decoded)
//   GET  /missing                     404
//   GET  /go (with redirect)          302 to the absolute URL of /done the application builds from its request
// With dependency injection (jobs: true; the manifest has the queue function `jobs`): a command
// `greet <name>` printing "<GREETING>, <name>" through an injected bean, and a job demo.VisitJob (or jobClass)
// (data {"visitor": <name>}) made with an injected bean, printing "visit: <GREETING>, <name>".
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

def support = evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
def json = new JsonSlurper()
def greeting = 'Hello from the staging manifest'

def httpEvent = { String method, String path, String query, Map headers, List cookies, String body ->
    JsonOutput.toJson([version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: query,
                       cookies: cookies, headers: [host: 'example.com'] + headers, body: body, isBase64Encoded: false,
                       requestContext: [accountId: '123456789012', apiId: 'api', domainName: 'example.com',
                                        http: [method: method, path: path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'it'],
                                        requestId: 'it-' + path, routeKey: '$default', stage: '$default', timeEpoch: 1795716000000]])
}

// The public URL (docs/runtime.md, "The public URL"), as the template wires it: the http function's
// HOVER_ORIGIN_VERIFY is the stack's id, which the distribution's origin header carries.
def originVerify = 'arn:aws:cloudformation:us-east-1:123456789012:stack/demo-staging/it-0c1d2e3f'
def apiHost = 'abc123.execute-api.us-east-1.amazonaws.com'
// API Gateway's event for a GET: its host and forwarding headers, and those the client (or CloudFront) sent
def apiGatewayEvent = { String path, Map headers ->
    JsonOutput.toJson([version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '',
                       headers: [host: apiHost, 'x-forwarded-proto': 'https', 'x-forwarded-port': '443',
                                 'x-forwarded-for': '203.0.113.7', 'user-agent': 'it'] + headers, isBase64Encoded: false,
                       requestContext: [accountId: '123456789012', apiId: 'abc123', domainName: apiHost, domainPrefix: 'abc123',
                                        http: [method: 'GET', path: path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'it'],
                                        requestId: 'it-' + path, routeKey: '$default', stage: '$default', timeEpoch: 1795716000000]])
}
// as CloudFront sends it on (AllViewerExceptHostHeader, its own headers, the viewer-request function's copy of Host)
def throughCloudFront = { String path, String verify ->
    apiGatewayEvent(path, [via: '2.0 8f3a2c1b0d9e.cloudfront.net (CloudFront)', 'x-amz-cf-id': 'Yc4xkH9q3ZJ1b2RuAJ0n6wK0bJ3Y1pXz9x9v5k1mHn0aQ==',
                           'cloudfront-forwarded-proto': 'https', 'cloudfront-viewer-address': '198.51.100.4:51234',
                           'cloudfront-is-desktop-viewer': 'true', 'x-forwarded-for': '198.51.100.4, 130.176.1.22',
                           'x-hover-viewer-host': 'shop.example.com', 'x-hover-origin-verify': verify])
}

// one function's container: started, handed to the checks, stopped whatever they do
def withFunction = { File basedir, Map image, Map<String, String> environment, Closure checks ->
    def javaHome = image.javaHome ?: System.getProperty('java.home')
    // a generous timeout: a framework's cold start on a loaded 2-core machine takes seconds
    def rie = support.startUnderRie(basedir, image.config, image.rootfs, [AWS_LAMBDA_FUNCTION_TIMEOUT: '120'] + environment,
            javaHome)
    try {
        checks({ String payload -> support.invoke(rie.invocations, payload) }, rie.log)
    } finally {
        support.stop(rie.process)
    }
}

// a response header by name, in any case (Netty-based servers send them lowercase, as HTTP allows)
def header = { Map response, String name -> response.headers.find { it.key.equalsIgnoreCase(name) }?.value }

def checkHttp = { Closure invoke, File log ->
    def hello = invoke(httpEvent('GET', '/hello', 'name=Ada%20L', [accept: 'application/json'], ['session=abc123', 'theme=dark'], null))
    assert hello.statusCode == 200: log.text
    assert header(hello, 'Content-Type').startsWith('application/json'): hello.headers
    assert !hello.headers.keySet().any { it.equalsIgnoreCase('transfer-encoding') || it.equalsIgnoreCase('set-cookie') }
    assert hello.cookies.size() == 2: hello.cookies
    assert hello.cookies[0].startsWith('visited=yes') && hello.cookies[1].startsWith('lang=en'): hello.cookies
    assert hello.isBase64Encoded == false
    assert json.parseText(hello.body) == [message: "${greeting}, Ada L".toString(), session: 'abc123']

    def sent = [text: 'héllo wörld', n: 42, list: [1, 2], nested: [ok: true]]
    def echoed = invoke(httpEvent('POST', '/echo', '', ['content-type': 'application/json'], null, JsonOutput.toJson(sent)))
    assert echoed.statusCode == 200: log.text
    assert header(echoed, 'Content-Type').startsWith('application/json'): echoed.headers
    assert json.parseText(echoed.body) == sent

    def binary = invoke(httpEvent('GET', '/binary', '', [:], null, null))
    assert binary.statusCode == 200: log.text
    assert header(binary, 'Content-Type') == 'application/octet-stream': binary.headers
    assert binary.isBase64Encoded == true
    assert binary.body.decodeBase64() == (0..255).collect { it as byte } as byte[]

    def file = invoke(httpEvent('GET', '/files/caf%C3%A9%20menu.txt', '', [:], null, null))
    assert file.statusCode == 200: log.text
    assert header(file, 'Content-Type').startsWith('text/plain'): file.headers
    assert file.body == 'café menu.txt'

    assert invoke(httpEvent('GET', '/missing', '', [accept: 'application/json'], null, null)).statusCode == 404
}

// GET /go answers a redirect to the absolute URL of /done the application builds: through CloudFront it
// names https and the viewer's host, through the API Gateway URL the API's; a forged viewer host is ignored
def checkPublicUrl = { Closure<String> redirect, Closure invoke, File log ->
    def viaCloudFront = invoke(throughCloudFront('/go', originVerify))
    assert viaCloudFront.statusCode == 302: "${viaCloudFront}\n${log.text}"
    assert header(viaCloudFront, 'Location') == redirect('shop.example.com'): viaCloudFront
    def direct = invoke(apiGatewayEvent('/go', [:]))
    assert header(direct, 'Location') == redirect(apiHost): direct
    def forged = invoke(throughCloudFront('/go', 'a guess'))
    assert header(forged, 'Location') == redirect(apiHost): forged
}

def checkCommand = { Closure invoke, File log ->
    def answer = invoke(JsonOutput.toJson([command: 'greet Ada']))
    assert answer.exitCode == 0: "${answer}\n${log.text}"
    assert answer.output.contains("${greeting}, Ada"): answer
}

def checkJob = { String jobClass, Closure invoke, File log ->
    def message = JsonOutput.toJson([version: 1, id: 'job-1', job: jobClass, data: [visitor: 'Ada']])
    def answer = invoke(JsonOutput.toJson([Records: [[messageId: 'm-1', receiptHandle: 'r-1', body: message,
                                                      attributes: [ApproximateReceiveCount: '1', SentTimestamp: '1795716000000'],
                                                      eventSource: 'aws:sqs', awsRegion: 'us-east-1',
                                                      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:jobs-demo-staging']]]))
    // nothing to retry: the job ran
    assert answer == [batchItemFailures: []]: "${answer}\n${log.text}"
    assert log.text.contains("visit: ${greeting}, Ada"): log.text
}

[
    httpEvent: httpEvent,
    apiGatewayEvent: apiGatewayEvent,
    originVerify: originVerify,
    checkPublicUrl: checkPublicUrl,

    // Unpacks the image hover:build wrote, runs the checks above, and writes the http function's
    // cold-start line to <basedir>/cold-start.txt. Answers the image [config, rootfs, libs (file names in /var/task/lib)].
    run: { File basedir, Map options ->
        def name = basedir.name
        def stage = new File(basedir, 'target/hover/staging')
        assert json.parse(new File(stage, 'build.json')).output.kind == 'TAR'
        def opened = support.openImage(basedir, new File(stage, 'image.tar'))
        def rootfs = new File(basedir, 'target/it-rootfs')
        opened.unpackLayers(rootfs)
        def image = [config : opened.config, rootfs: rootfs, libs: new File(rootfs, 'var/task/lib').list() as List,
                     javaHome: options.javaHome]

        Map<String, String> environment = options.environment ?: [:]
        withFunction(basedir, image, environment + [HOVER_ORIGIN_VERIFY: originVerify]) { invoke, log ->
            checkHttp(invoke, log)
            if (options.redirect) {
                checkPublicUrl(options.redirect, invoke, log)
            }
            if (options.httpChecks) {
                options.httpChecks(invoke, log)
            }
            // the application's own logging reached the function's log
            assert !options.logs || log.text.contains(options.logs): log.text
            def coldStart = log.readLines().find { it.contains('cold start of demo-staging') }
            assert coldStart != null: log.text
            println "[${name} IT] ${coldStart.substring(coldStart.indexOf('cold start'))}"
            new File(basedir, 'cold-start.txt').text = coldStart + '\n'
        }
        if (options.jobs) {
            withFunction(basedir, image, environment + [HOVER_FUNCTION_TYPE: 'cli', AWS_LAMBDA_FUNCTION_NAME: 'demo-staging-cli'],
                    checkCommand)
            withFunction(basedir, image, environment + [HOVER_FUNCTION_TYPE: 'queue', HOVER_QUEUE_FUNCTION: 'jobs',
                                                        AWS_LAMBDA_FUNCTION_NAME: 'demo-staging-jobs-queue'],
                    checkJob.curry(options.jobClass ?: 'demo.VisitJob'))
        }
        image
    },
]
