// The application Micronaut Launch makes passes the checks every framework passes
// (src/it/app-checks.groovy); its command and job are beans registered with Hover's plain API (HoverBeans).
assert new File(basedir, 'build.log').text.contains('Main class com.example.Application, the only one in')
def port = (new File(basedir, '.hover/staging.yml').text =~ /port: (\d+)/)[0][1]
def image = evaluate(new File(basedir, '../../../../src/it/app-checks.groovy'))
        .run(basedir, [jobs: true, jobClass: 'com.example.VisitJob', logs: 'Startup completed in',
                       redirect: { String host -> "https://${host}/done".toString() }])
// its port is http.port, which only the image's environment tells it
assert image.config.config.Env.contains("MICRONAUT_SERVER_PORT=${port}".toString())
assert image.libs.any { it.startsWith('micronaut-http-server-netty-4.') }
true
