// The spring-boot test's application on Spring Boot 2.7 (javax, Tomcat 9, Spring Framework 5,
// Logback 1.2) passes the same checks (src/it/app-checks.groovy), its command and job included.
// Not its logging: the runtime's slf4j-api 2 comes first on the shared class path and does not see
// Logback 1.2's SLF4J 1.7 binding, so Spring Boot 2 runs with SLF4J's no-op logger (docs/runtime.md,
// known limits) until the runtime is isolated from the application's class path.
def checks = evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
def image = checks.run(basedir, [jobs: true])
assert image.libs.any { it.startsWith('spring-webmvc-5.') } && image.libs.any { it.startsWith('tomcat-embed-core-9.') }
assert image.libs.any { it.startsWith('logback-classic-1.2.') }
true
