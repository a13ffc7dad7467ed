// The spring-boot test's application on WebFlux and Reactor Netty passes the same checks
// (src/it/app-checks.groovy), its command and job included.
def checks = evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
def image = checks.run(basedir, [jobs: true, logs: 'Started DemoApplication in',
                                 redirect: { String host -> "https://${host}/done".toString() }])
assert image.libs.any { it.startsWith('spring-webflux-6.') } && image.libs.any { it.startsWith('reactor-netty-http-') }
assert !image.libs.any { it.startsWith('tomcat-embed-core-') }
true
