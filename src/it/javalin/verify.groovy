// Javalin 6 (Jetty 11), unchanged, passes the checks every framework passes (src/it/app-checks.groovy),
// its SLF4J logging included; it has no dependency injection, so no command or job. Its URL (ctx.url())
// is the public one with no code for it: the image tells the runtime to write Jetty's request lines in
// absolute form (https://<host>/path), from which Jetty takes the scheme and host.
def checks = evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
assert new File(basedir, 'build.log').text.contains('Main class demo.App, the only one in')
def image = checks.run(basedir, [jobs: false, logs: 'io.javalin.Javalin - Javalin started in',
                                 redirect: { String host -> "https://${host}/done".toString() }])
assert image.config.config.Env.contains('HOVER_REQUEST_TARGET=absolute-form')
assert image.libs.any { it.startsWith('javalin-6.') } && image.libs.any { it.startsWith('jetty-server-11.') }
true
