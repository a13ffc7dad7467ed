// The application `quarkus create app` makes passes the checks every framework passes
// (src/it/app-checks.groovy), started by Quarkus's own runner from the fast-jar directory its build
// made; its command and job are CDI beans registered with Hover's plain API (HoverBeans). Its
// profile comes from the manifest's environment (QUARKUS_PROFILE), its port from the image's.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Main class io.quarkus.bootstrap.runner.QuarkusEntryPoint, Quarkus\'s runner of ')
def stage = new File(basedir, 'target/hover/staging')
def descriptor = new JsonSlurper().parse(new File(stage, 'build.json'))
// snapshot-dependencies: Hover's own API at this snapshot version
assert descriptor.image.layers*.name == ['release-dependencies', 'snapshot-dependencies', 'hover-runtime',
                                         'quarkus-application', 'hover-stage']

def files = evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
        .openImage(basedir, new File(stage, 'image.tar')).files
// the fast-jar directory as Quarkus made it, and nothing of the classic layout
['quarkus-run.jar', 'quarkus/quarkus-application.dat', 'quarkus/generated-bytecode.jar', 'app/code-with-quarkus-1.0.0-SNAPSHOT.jar']
        .each { name -> assert files.any { it.endsWith('var/task/quarkus-app/' + name) }: name }
assert files.any { it.contains('var/task/quarkus-app/lib/boot/io.quarkus.quarkus-bootstrap-runner-') }
assert files.any { it.contains('var/task/quarkus-app/lib/main/io.quarkus.quarkus-rest-') }
// parent-first (application.properties): Hover's API is on the system class path, after the runtime's own copy
assert files.any { it.contains('var/task/quarkus-app/lib/boot/dev.hover.hover-lambda-runtime-') }
assert !files.any { it.contains('var/task/quarkus-app/lib/main/dev.hover.hover-lambda-runtime-') }
assert !files.any { it.contains('var/task/app/') || it.contains('var/task/lib/') }

def port = (new File(basedir, '.hover/staging.yml').text =~ /port: (\d+)/)[0][1]
def checks = evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
// the manifest's QUARKUS_PROFILE=lambda is the active profile: its %lambda. properties apply
def profileIsActive = { invoke, functionLog ->
    def answer = invoke(checks.httpEvent('GET', '/profile', '', [accept: 'application/json'], null, null))
    assert answer.statusCode == 200: functionLog.text
    assert new JsonSlurper().parseText(answer.body) == [profile: 'lambda', note: 'from the lambda profile']
}
def image = checks.run(basedir, [jobs: true, jobClass: 'org.acme.VisitJob', httpChecks: profileIsActive,
                                 redirect: { String host -> "https://${host}/done".toString() }])
// its port is http.port, which only the image's environment tells it; QUARKUS_PROFILE is the manifest's
assert image.config.config.Env.containsAll(["QUARKUS_HTTP_PORT=${port}".toString(), 'QUARKUS_PROFILE=lambda'])
def entrypoint = image.config.config.Entrypoint
// the runner's --add-opens after Hover's default JVM options (before the stage's own)
assert entrypoint[1..3] == ['-XX:+TieredCompilation', '-XX:TieredStopAtLevel=1', '-Xshare:auto']
assert entrypoint[4..5] == ['--add-opens', 'java.base/java.lang=ALL-UNNAMED']
assert entrypoint[entrypoint.indexOf('-cp') + 1].endsWith(':/var/task/quarkus-app/quarkus-run.jar')
true
