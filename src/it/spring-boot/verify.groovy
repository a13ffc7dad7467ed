// Spring Boot 3 (Tomcat, Spring MVC), unchanged, passes the checks every framework passes
// (src/it/app-checks.groovy): HTTP under aws-lambda-rie, and a @Component command and a job with a
// constructor-injected bean as the cli and queue functions, with hover-spring-boot as a dependency only.
def checks = evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
assert new File(basedir, 'build.log').text.contains('Main class demo.DemoApplication, the only one in')
def image = checks.run(basedir, [jobs: true, logs: 'Started DemoApplication in',
                                 redirect: { String host -> "https://${host}/done".toString() }])
assert image.libs.any { it.startsWith('spring-webmvc-6.') } && image.libs.any { it.startsWith('tomcat-embed-core-10.') }
true
