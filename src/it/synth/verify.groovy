import groovy.json.JsonSlurper

File templateFile = new File(basedir, 'target/hover/dev/template.json')
assert templateFile.isFile() : "hover:synth wrote no ${templateFile}"

def template = new JsonSlurper().parse(templateFile)
def resources = template.Resources
assert resources.HttpFunction.Properties.FunctionName == 'shop-dev-http'
assert resources.HttpFunction.Properties.MemorySize == 2048
assert resources.HttpFunction.Properties.Code.ImageUri == '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-dev:synth'
assert resources.MailerQueueFunction.Properties.Environment.Variables.HOVER_QUEUE_FUNCTION == 'mailer'
assert resources.EmailsJobQueue.Properties.QueueName == 'emails-shop-dev'
assert resources.NewslettersJobQueue.Properties.VisibilityTimeout == 360
assert resources.WarmerRule.Properties.Targets[0].Input == '{"warmer":true,"concurrency":2}'
assert template.Outputs.BuildId.Value == 'synth'

String log = new File(basedir, 'build.log').text
assert log.contains('Wrote the template of stage dev to target/hover/dev/template.json')
return true
