// The second deploy released nothing: it said so, live is where the first deploy put it, and no
// function has a version more than the first deploy published (asked of moto's Lambda API).
import groovy.json.JsonSlurper

def json = new JsonSlurper()
def log = new File(basedir, 'build.log').text
def builds = (log =~ /Deploying stage staging \(unchanged-staging, us-east-1\), build (\S+)/).collect { it[1] }
assert builds.size() == 2: log
def (first, second) = builds
assert first != second: 'a fresh runner makes a new build id (sorting by time)'
assert second > first
def secondRun = log.substring(log.indexOf("Deploying stage staging (unchanged-staging, us-east-1), build ${second}"))
assert log.substring(0, log.indexOf(secondRun)).contains('Released.')
assert secondRun.contains("live already runs build ${first}, made from the same inputs as build ${second}: nothing to deploy"
        + ' (no image pushed, stack left alone, no version published, deploy commands not run)')
assert secondRun.contains('Nothing to release: live already runs this build.')
assert !secondRun.contains('Publish versions') && !secondRun.contains('Released.')

def summary = json.parse(new File(basedir, 'target/hover/staging/deploy.json'))
assert summary.released == false && summary.buildId == first
def fingerprint = json.parse(new File(basedir, 'target/hover/staging/build.json')).inputsFingerprint
assert fingerprint ==~ /[0-9a-f]{64}/

// moto reads the service and region from the Authorization header and checks no signature
def lambda = { String path ->
    def connection = new URL(System.getenv('HOVER_TEST_MOTO_ENDPOINT') + '/2015-03-31/functions/' + path).openConnection()
    connection.setRequestProperty('Authorization',
            'AWS4-HMAC-SHA256 Credential=it/20261201/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0')
    json.parseText(connection.inputStream.text)
}
['unchanged-staging-http', 'unchanged-staging-cli'].each { fn ->
    def versions = lambda("${fn}/versions").Versions.findAll { it.Version != '$LATEST' }
    assert versions*.Version == ['1']: "${fn}: ${versions*.Version}"
    assert versions[0].Description == "hover build ${first} inputs ${fingerprint}".toString()
    assert lambda("${fn}/aliases/live").FunctionVersion == '1'
    assert summary.versions[fn] == '1'
}
true
