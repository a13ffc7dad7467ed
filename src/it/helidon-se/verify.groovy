// The Helidon SE 4 quickstart passes the checks every framework passes (src/it/app-checks.groovy)
// on Java 21+ (java21Home: the JDK hover-maven-plugin's pom names, standing in for the base image's
// JVM, e.g. the default public.ecr.aws/lambda/java:21); its command and job use Hover's plain API.
// Its requested URI (req.requestedUri()) is the public one, with no setting in the application: the
// image's environment turns on Helidon's requested-uri-discovery of the runtime's Forwarded header
// (Helidon's authority always carries the port, hence :443).
assert new File(java21Home, 'bin/java').canExecute(): "no Java 21+ at ${java21Home}; set -Dhover.it.java21Home"
assert new File(basedir, 'build.log').text.contains('Main class io.helidon.examples.quickstart.se.Main, as the project\'s build declares it')
def port = (new File(basedir, '.hover/staging.yml').text =~ /port: (\d+)/)[0][1]
def image = evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
        .run(basedir, [jobs: true, jobClass: 'io.helidon.examples.quickstart.se.VisitJob', javaHome: java21Home, logs: 'WEB server is up!',
                       redirect: { String host -> "https://${host}:443/done".toString() }])
def environment = image.config.config.Env.collectEntries { it.split('=', 2) as List }
// its port is http.port, which only the image's environment tells it
assert environment.SERVER_PORT == port
assert environment.SERVER_REQUESTED_DASH_URI_DASH_DISCOVERY_TYPES == 'FORWARDED'
assert environment.SERVER_REQUESTED_DASH_URI_DASH_DISCOVERY_TRUSTED_DASH_PROXIES_ALLOW_EXACT == '127.0.0.1'
assert !environment.containsKey('HOVER_REQUEST_TARGET')
assert image.libs.any { it.startsWith('helidon-webserver-4.5.0') }
true
