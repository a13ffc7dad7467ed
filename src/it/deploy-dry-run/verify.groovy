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

// -Dhover.output=json: every event on a line of its own, the outcome last, its result the summary
def events = log.readLines().findAll { it.startsWith('{"event":') }.collect { new JsonSlurper().parseText(it) }
assert events.every { it.goal == 'hover:deploy' && it.time }
assert events.find { it.event == 'step-started' && it.step == 'Image repository' }
assert events.find { it.event == 'step-finished' && it.step == 'Stack dryrun-staging' && it.seconds instanceof Number }
assert events.find { it.event == 'step-finished' && it.result == 'would create the ECR repository dryrun-staging' }
assert events.find { it.event == 'detail' && it.text.startsWith('Add     HttpFunction') }
// the third run, offline: refused before anything is built or called
def third = log.split('Finished at:')[2..-1].join('')
assert third.contains('Maven is offline (-o), and hover:deploy calls AWS: run it without -o (--offline)')
assert !third.contains('Deploying build') && !third.contains('would create')

def outcome = events.last()
assert outcome.event == 'outcome' && outcome.outcome == 'success' && outcome.stage == 'staging'
assert outcome.result.dryRun == true && outcome.result.stackChanges == summary.stackChanges
true
