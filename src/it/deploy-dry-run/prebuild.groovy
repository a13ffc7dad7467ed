// The same offline base image (a docker-save tar) and secrets stand-ins as the build-image test,
// from its script in the source tree (this project runs cloned to hover-maven-plugin/target/it).
evaluate(new File(basedir, '../../../../src/it/build-image/prebuild.groovy'))

// The SDK's standard settings point it at moto, with dummy credentials "in the environment": Maven
// reads .mvn/maven.config as command line options, and -D options become system properties.
def mvn = new File(basedir, '.mvn')
mvn.mkdirs()
new File(mvn, 'maven.config').text = [
        "-Daws.endpointUrl=${System.getenv('HOVER_TEST_MOTO_ENDPOINT')}",
        '-Daws.accessKeyId=it-access-key',
        '-Daws.secretAccessKey=it-secret-key',
].join('\n') + '\n'
true
