def hover = new File(basedir, '.hover')

def manifest = new File(hover, 'staging.yml')
assert manifest.isFile()
def yaml = manifest.readLines()
assert yaml.contains('name: shop-staging')
assert yaml.contains('region: eu-west-1')
assert yaml.contains('aws-profile: shop-dev')
assert yaml.contains('  lambda-role: arn:aws:iam::123456789012:role/shop-lambda')
assert yaml.any { it.startsWith('#   timeout: 28') }: 'defaults are shown in comments'

def gitIgnore = new File(hover, '.gitignore')
assert gitIgnore.readLines().contains('*-secrets.plain.env')

def secrets = new File(hover, 'staging-secrets.plain.env')
assert secrets.isFile()
assert secrets.readLines().every { it.startsWith('#') }: 'the plain secrets file starts empty'

assert !new File(hover, 'production.yml').exists(): 'a failed stage-new writes nothing'
assert !new File(hover, 'production-secrets.plain.env').exists()

def log = new File(basedir, 'build.log').text
assert log.contains('Wrote .hover/staging.yml')
assert log.contains("cannot create stage 'production': no terminal to ask in, and these are missing:")
assert log.contains('-Dhover.app: the application')
assert log.contains("stage 'staging' already exists: .hover/staging.yml")
return true
