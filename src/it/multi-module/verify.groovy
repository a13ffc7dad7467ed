// Only the module with the stage was built, synthesized and dry-run deployed; the parent and the
// library were skipped with a reason, on the console and in the JSON outcomes.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def app = new File(basedir, 'app/target/hover/staging')
assert new File(app, 'build.json').isFile()
assert new File(app, 'image.tar').isFile()
assert new File(app, 'template.json').isFile()
assert new File(app, 'deploy.json').isFile()
assert !new File(basedir, 'lib/target/hover').exists()
assert !new File(basedir, 'target/hover').exists()

assert log.contains('multi-module-parent has no .hover/staging.yml: hover:build skipped here')
assert log.contains('lib has no .hover/staging.yml: hover:build skipped here')
assert log.contains('lib has no .hover/staging.yml: hover:synth skipped here')
assert log.contains('Deploying build ')

def outcomes = log.readLines().findAll { it.startsWith('{"event":"outcome"') }.collect { new JsonSlurper().parseText(it) }
        .findAll { it.goal == 'hover:deploy' }
assert outcomes*.outcome == ['skipped', 'skipped', 'success']
assert outcomes[0].reason == 'multi-module-parent has no .hover/staging.yml: hover:deploy skipped here'
assert outcomes[1].reason == 'lib has no .hover/staging.yml: hover:deploy skipped here'
assert outcomes[2].stage == 'staging' && outcomes[2].result.dryRun == true && outcomes[2].result.stack == 'multi-staging'
true
