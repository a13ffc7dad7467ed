// The Helidon SE 4 quickstart passes the checks every framework passes (src/it/app-checks.groovy)
// on Java 21+ (java21Home: the JDK hover-maven-plugin's pom names, standing in for the base image's
// JVM, e.g. the default public.ecr.aws/lambda/java:21); its command and job use Hover's plain API.
assert new File(java21Home, 'bin/java').canExecute(): "no Java 21+ at ${java21Home}; set -Dhover.it.java21Home"
assert new File(basedir, 'build.log').text.contains('Main class io.helidon.examples.quickstart.se.Main, as the project\'s build declares it')
def port = (new File(basedir, '.hover/staging.yml').text =~ /port: (\d+)/)[0][1]
def image = evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
        .run(basedir, [jobs: true, jobClass: 'io.helidon.examples.quickstart.se.VisitJob', environment: [SERVER_PORT: port],
                       javaHome: java21Home, logs: 'WEB server is up!'])
assert image.libs.any { it.startsWith('helidon-webserver-4.5.0') }
true
