// The spring-boot test's application on Spring Boot 2.7 (javax, Tomcat 9, Spring Framework 5,
// SLF4J 1.7, Logback 1.2) passes the same checks (src/it/app-checks.groovy), its command and job
// included, and logs through its own SLF4J 1.7 and Logback 1.2 (the runtime's SLF4J is relocated).
def checks = evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
def image = checks.run(basedir, [jobs: true, logs: 'Started DemoApplication in',
                                 redirect: { String host -> "https://${host}/done".toString() }])
assert image.libs.any { it.startsWith('spring-webmvc-5.') } && image.libs.any { it.startsWith('tomcat-embed-core-9.') }
assert image.libs.any { it.startsWith('logback-classic-1.2.') } && image.libs.any { it.startsWith('slf4j-api-1.7.') }
true
