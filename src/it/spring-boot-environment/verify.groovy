// A Spring Boot 3 application configured only by the stage's environment, in environment-variable
// form, runs under aws-lambda-rie from the image hover:build made:
// - SPRING_PROFILES_ACTIVE, SPRING_APPLICATION_NAME and the secret DEMO_API_TOKEN (decrypted with
//   moto's KMS by the image's launcher when the container starts) are active in Spring, in System.getenv
//   and in a child process;
// - no server.port in the application: it listens on http.port, which Hover tells it;
// - its own jackson-core 2.19 and AWS SDK 2.40 are the ones it runs with (the runtime's 2.21 and
//   2.57 are relocated inside the runtime's jar), and its SDK client works;
// - a redirect through a CloudFront-shaped event names https://<the viewer's host>/…, and through
//   the API Gateway URL itself, the API's host.
import groovy.json.JsonSlurper

def support = evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
def json = new JsonSlurper()
def log = new File(basedir, 'build.log').text
assert !log.contains('the image uses the runtime'): 'no library of the application is replaced'

def stage = new File(basedir, 'target/hover/staging')
def image = support.openImage(basedir, new File(stage, 'image.tar'))
def config = image.config
def environment = config.config.Env.collectEntries { it.split('=', 2) as List }
def port = new File(basedir, '.hover/staging.yml').text.find(/port: (\d+)/) { m, p -> p }
assert environment.SPRING_PROFILES_ACTIVE == 'prod' && environment.SPRING_APPLICATION_NAME == 'env-demo'
assert environment.SERVER_PORT == port && environment.PORT == port
assert environment.SERVER_FORWARD_HEADERS_STRATEGY == 'native'
assert !environment.containsKey('DEMO_API_TOKEN'): 'a secret is never in the image'
assert config.config.Entrypoint[0] == '/var/task/hover/bin/hover-launch'
def rootfs = new File(basedir, 'target/it-rootfs')
image.unpackLayers(rootfs)
def libs = new File(rootfs, 'var/task/lib').list() as List
assert libs.contains('jackson-core-2.19.2.jar') && libs.contains('kms-2.40.2.jar'): libs
assert new File(rootfs, 'var/task/hover/runtime').list().toList().size() == 1

// the events and the origin header's value as the framework checks have them (src/it/app-checks.groovy)
def checks = evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
def originVerify = checks.originVerify
def event = checks.apiGatewayEvent
def rie = support.startUnderRie(basedir, config, rootfs, [AWS_LAMBDA_FUNCTION_TIMEOUT: '120',
        AWS_ENDPOINT_URL: System.getenv('HOVER_TEST_MOTO_ENDPOINT'), HOVER_ORIGIN_VERIFY: originVerify])
def invoke = { String payload -> support.invoke(rie.invocations, payload) }
try {
    def seen = invoke(event('/env', [:]))
    assert seen.statusCode == 200: rie.log.text
    def env = json.parseText(seen.body)
    assert env.activeProfiles == ['prod'] && env.profileProperty == 'prod profile'
    assert env.applicationName == 'env-demo' && env.getenvProfile == 'prod'
    assert env.tokenIsExpected && env.tokenLength == "tok-it's-\$ecret".length()
    assert env.springSeesToken && env.childSeesProfileAndToken
    assert env.tokenAsSystemProperty == null
    assert env.port == port
    assert env.lambdaVariableKept == 'demo-staging-http'

    def libraries = invoke(event('/libraries', [:]))
    assert libraries.statusCode == 200: rie.log.text
    def used = json.parseText(libraries.body)
    assert used.jackson == '2.19.2' && used.jacksonJar.endsWith('/var/task/lib/jackson-core-2.19.2.jar'): used
    assert used.awsSdk == '2.40.2' && used.awsSdkJar.endsWith('/var/task/lib/kms-2.40.2.jar'): used
    assert used.kmsKeys >= 1: 'the application\'s own KMS client reached moto and saw the stage key'

    checks.checkPublicUrl({ String host -> "https://${host}/done".toString() }, invoke, rie.log)

    def output = rie.log.text
    assert output.contains('Started EnvApplication in')
    assert output.contains('secrets of envdemo-staging: 1 decrypted')
    assert !output.contains("tok-it's"): 'no secret in the function\'s log'
    def coldStart = output.readLines().find { it.contains('cold start of envdemo-staging') }
    println "[spring-boot-environment IT] ${coldStart?.substring(coldStart.indexOf('cold start'))}"
} finally {
    support.stop(rie.process)
}
true
