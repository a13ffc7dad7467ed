// The spring-boot test's application on Spring Boot 4 (Spring Framework 7, Tomcat 11, Jackson 3)
// passes the same checks (src/it/app-checks.groovy), its command and job included.
def checks = evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
def image = checks.run(basedir, [jobs: true, logs: 'Started DemoApplication in',
                                 redirect: { String host -> "https://${host}/done".toString() }])
assert image.libs.any { it.startsWith('spring-webmvc-7.') } && image.libs.any { it.startsWith('tomcat-embed-core-11.') }
true
