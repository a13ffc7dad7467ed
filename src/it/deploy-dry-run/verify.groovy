// The goal built what was missing, resolved the environment's credentials over the manifest's
// unknown profile, and listed what the first deploy would create, as JSON for CI.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('No build of stage staging yet')
assert new File(basedir, 'target/hover/staging/build.json').isFile()
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
