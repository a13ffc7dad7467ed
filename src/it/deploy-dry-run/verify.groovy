// The goal built what was missing, resolved the environment's credentials over the manifest's
// unknown profile, and listed what the first deploy would create, as JSON for CI.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('No build of stage staging yet')
def build = new JsonSlurper().parse(new File(basedir, 'target/hover/staging/build.json'))
// the second run: nothing changed since (Hover's own staged copies of the stage files included)
def second = log.substring(log.indexOf('Finished at:'))
assert second.contains("Deploying build ${build.buildId}")
assert !second.contains('Building stage staging again') && !second.contains('changed since')
assert log.contains('via environment (system property aws.accessKeyId)')
assert log.contains('would create the ECR repository dryrun-staging')
assert log.contains('would create the bucket dryrun-staging-assets')

def summary = new JsonSlurper().parse(new File(basedir, 'target/hover/staging/deploy.json'))
assert summary.stage == 'staging'
assert summary.dryRun == true
assert summary.released == false
def added = summary.stackChanges.findAll { it.action == 'Add' }*.logicalId
assert added.containsAll(['HttpFunction', 'CliFunction', 'MailerQueueFunction', 'EmailsJobQueue'])
assert summary.steps*.step.contains('Stack dryrun-staging')
assert log.contains(new File(basedir, 'target/hover/staging/deploy.json').text.trim())
true
