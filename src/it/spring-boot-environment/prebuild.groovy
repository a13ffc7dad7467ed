// The base image, a free port for the stage, the plain secret to encrypt, and the SDK pointed at moto
// for hover:secret-encrypt (Maven reads .mvn/maven.config as command line options).
def support = evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
support.prepareStage(basedir, '18250')
// a quote and a dollar, which the launcher must pass to the JVM untouched
new File(basedir, '.hover/staging-secrets.plain.env').text = 'DEMO_API_TOKEN="tok-it\'s-\\$ecret"\n'
support.pointMavenAtMoto(basedir)
true
