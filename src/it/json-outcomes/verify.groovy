// Every line a goal printed outside Maven's log is one JSON object with the documented fields,
// and each goal ended with one outcome; the mistyped dry run touched nothing on moto.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def events = log.readLines().findAll { it.startsWith('{') }.collect { new JsonSlurper().parseText(it) }
assert events.every { it.event && it.time && it.goal }
def outcomes = events.findAll { it.event == 'outcome' }
assert outcomes*.goal == ['hover:synth', 'hover:rollback', 'hover:command', 'hover:deploy']

def (synth, rollback, command, deploy) = outcomes
assert synth.outcome == 'success' && synth.stage == 'staging'
assert synth.result.template.endsWith('target/hover/staging/template.json')
assert new File(basedir, 'target/hover/staging/template.json').isFile()

assert rollback.outcome == 'failure' && rollback.error.kind == 'rollback'
assert rollback.error.message.startsWith('The stage staging is not deployed')
assert events.find { it.goal == 'hover:rollback' && it.event == 'line' && it.text.startsWith('Stage staging (jsonout-staging)') }

assert command.outcome == 'failure' && command.error.kind == 'command'
assert command.error.message.contains('deploy the stage first')

assert deploy.outcome == 'failure' && deploy.error.kind == 'parameter'
assert deploy.error.message.startsWith('-Dhover.dryrun is not a parameter of the Hover plugin; did you mean hover.dryRun?')
assert log.contains('did you mean hover.dryRun?')
// nothing of the stage exists on moto: no bucket (S3 ListBuckets), no repository (ECR DescribeRepositories);
// moto reads the service and region from the Authorization header and checks no signature
def moto = System.getenv('HOVER_TEST_MOTO_ENDPOINT')
assert !new URL(moto + '/').text.contains('jsonout-staging')
def ecr = new URL(moto + '/').openConnection()
ecr.requestMethod = 'POST'
ecr.doOutput = true
ecr.setRequestProperty('X-Amz-Target', 'AmazonEC2ContainerRegistry_V20150921.DescribeRepositories')
ecr.setRequestProperty('Content-Type', 'application/x-amz-json-1.1')
ecr.setRequestProperty('Authorization', 'AWS4-HMAC-SHA256 Credential=it/20261201/us-east-1/ecr/aws4_request, SignedHeaders=host, Signature=0')
ecr.outputStream.withWriter { it << '{}' }
def repositories = ecr.inputStream.text
assert repositories.contains('"repositories"') && !repositories.contains('jsonout-staging')
assert !new File(basedir, 'target/hover/staging/build.json').exists()
true
