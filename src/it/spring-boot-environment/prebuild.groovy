// The base image, a free port for the stage, the plain secret to encrypt, and the SDK pointed at moto
// for hover:secret-encrypt (Maven reads .mvn/maven.config as command line options).
evaluate(new File(basedir, '../../../../src/it/image-support.groovy')).prepareStage(basedir, '18250')
// a quote and a dollar, which the shell that starts the JVM must pass through untouched
new File(basedir, '.hover/staging-secrets.plain.env').text = 'DEMO_API_TOKEN="tok-it\'s-\\$ecret"\n'
def mvn = new File(basedir, '.mvn')
mvn.mkdirs()
new File(mvn, 'maven.config').text = [
        "-Daws.endpointUrl=${System.getenv('HOVER_TEST_MOTO_ENDPOINT')}",
        '-Daws.accessKeyId=it-access-key',
        '-Daws.secretAccessKey=it-secret-key',
].join('\n') + '\n'
true
