// The base image as a docker-save tar (no registry is reachable from the invoker run), a free port
// for the app, and the stage's secrets files (a plain one that must never reach the image, and a stand-in for the encrypted one).
def support = evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
support.writeBaseImage(basedir)
// a free port for the app (the manifest's placeholder 18231), so parallel runs on one machine do not clash
def manifest = new File(basedir, '.hover/staging.yml')
manifest.text = manifest.text.replace('18231', support.freePort().toString())

new File(basedir, '.hover/staging-secrets.plain.env').text = 'API_KEY=plain-text-never-in-the-image\n'
// the format of an encrypted file (docs/secrets.md) with zero bytes for the key and content:
// the build reads its key names, it never decrypts
new File(basedir, '.hover/staging-secrets.env').text = '''hover-secrets: 1
name: demo-staging
stage: staging
kms-key: arn:aws:kms:us-east-1:123456789012:key/invoker-test
keys: API_KEY
data-key: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
nonce: AAAAAAAAAAAAAAAA
sealed-length: 32
sealed: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
'''
true
