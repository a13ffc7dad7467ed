// The original Hover's manifest as it is: the template has its domains, its queue function and its
// VPC, AWS's linter has nothing to say about it, and the build log says what replaces its dockerfile.
import groovy.json.JsonSlurper

def templateFile = new File(basedir, 'target/hover/staging/template.json')
def template = new JsonSlurper().parse(templateFile)
def resources = template.Resources
def distribution = resources.find { it.value.Type == 'AWS::CloudFront::Distribution' }.value
assert distribution.Properties.DistributionConfig.Aliases == ['shop.example.com', 'www.shop.example.com']
assert resources.HttpFunction.Properties.MemorySize == 512
assert resources.HttpFunction.Properties.VpcConfig.SubnetIds == ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210']
assert resources.NotificationsJobQueue.Properties.QueueName == 'notifications-shop-staging'

def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] .hover/staging.yml:6:1: dockerfile: ignored: the original Hover\'s Dockerfile has no use here')
assert log.contains('the base image is java.base-image')

// cfn-lint where scripts/local-aws installs it (HOVER_LOCAL_AWS_HOME, else <repo>/.local-aws), then the PATH
def localAwsHome = System.getenv('HOVER_LOCAL_AWS_HOME') ?: new File(basedir, '../../../../.local-aws').path
def cfnLint = [new File(localAwsHome, 'venv/bin/cfn-lint')]
        .plus(System.getenv('PATH').split(':').collect { new File(it, 'cfn-lint') })
        .find { it.canExecute() }
assert cfnLint != null: 'cfn-lint not found: run scripts/local-aws install'
def lint = new ProcessBuilder([cfnLint.path, '--regions', 'us-east-1', '--', templateFile.path]).redirectErrorStream(true).start()
def output = lint.inputStream.text
// 0: no error, no warning, no informational finding
assert lint.waitFor() == 0: output
true
