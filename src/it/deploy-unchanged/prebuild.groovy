// The offline base image (a docker-save tar) kept outside target/, which the second run's clean deletes;
// the stage's image repository in the local registry; the AWS APIs moto's, with its Lambda backend
// that runs no container (the deploy publishes versions, it invokes nothing: warm 0, no deploy commands).
def support = evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
support.writeBaseImage(basedir)
def base = new File(basedir, 'base/it-base.tar')
base.parentFile.mkdirs()
base.bytes = new File(basedir, 'target/it-base.tar').bytes
def registry = System.getenv('HOVER_TEST_REGISTRY')
assert registry: 'scripts/local-aws start exports HOVER_TEST_REGISTRY beside HOVER_TEST_MOTO_ENDPOINT'
def manifest = new File(basedir, '.hover/staging.yml')
// a repository of this run alone: the registry outlives the test
manifest.text = manifest.text.replace('REGISTRY_REPOSITORY', "${registry}/unchanged-staging-${System.currentTimeMillis()}")
support.pointMavenAtMoto(basedir)
def config = new URL(System.getenv('HOVER_TEST_MOTO_ENDPOINT') + '/moto-api/config').openConnection()
config.requestMethod = 'POST'
config.doOutput = true
config.setRequestProperty('Content-Type', 'application/json')
config.outputStream.withWriter { it << '{"lambda":{"use_docker":false}}' }
assert config.responseCode in [200, 201]
true
