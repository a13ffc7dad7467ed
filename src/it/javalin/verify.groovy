// Javalin 6 (Jetty 11), unchanged, passes the checks every framework passes (src/it/app-checks.groovy),
// its SLF4J logging included; it has no dependency injection, so no command or job.
def checks = evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
assert new File(basedir, 'build.log').text.contains('Main class demo.App, the only one in')
def image = checks.run(basedir, [jobs: false, logs: 'io.javalin.Javalin - Javalin started in'])
assert image.libs.any { it.startsWith('javalin-6.') } && image.libs.any { it.startsWith('jetty-server-11.') }
true
