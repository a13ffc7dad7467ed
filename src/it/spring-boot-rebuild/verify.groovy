// Three clean builds of a Spring Boot application whose resources change with every build only in
// their stamps (build-info's build.time, the SBOM's serial number and timestamp): the second,
// unchanged, is the first again (same build id, same image digest); the third, after a one-line
// change of a resource, is a new build. Devtools and the configuration processor are not in the image,
// nor what the Spring Boot plugin's configuration and hover.excludes leave out.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def builds = (log =~ /Built staging (\S+) in \d+ ms: \S+ (sha256:[0-9a-f]{64})/).collect { [id: it[1], digest: it[2]] }
assert builds.size() == 3: log
println "[spring-boot-rebuild IT] builds: ${builds}"
assert builds[1] == builds[0]: 'an unchanged clean build must keep the build id and the image'
assert builds[2].id != builds[1].id && builds[2].digest != builds[1].digest: 'a changed resource makes a new build'
// the last build, remembered where hover.cacheDirectory says, with the stamped resources of its image
def remembered = new File(basedir, 'hover-cache/builds').listFiles()
assert remembered.size() == 1
assert new File(remembered[0], 'stamped/var/task/app/resources/META-INF/build-info.properties').isFile()
def third = log.indexOf('Built staging', log.indexOf('Built staging') + 1)
def firstTwo = log.substring(0, third)
assert firstTwo.contains("Nothing changed since build ${builds[0].id}")
// no message claims a change that did not happen
assert firstTwo.readLines().findAll { it.contains('changed since') && !it.contains('Nothing changed since') }.isEmpty()
assert log.substring(third).contains("A new build: target/classes/application.properties changed since build ${builds[0].id}")

def stage = new File(basedir, 'target/hover/staging')
def descriptor = new JsonSlurper().parse(new File(stage, 'build.json'))
assert descriptor.buildId == builds[2].id
def support = evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
def image = support.openImage(basedir, new File(stage, 'image.tar'))
assert image.manifestDigest == builds[2].digest
def files = image.files
assert files.any { it.contains('var/task/lib/spring-webmvc-') }
assert files.any { it.endsWith('var/task/app/resources/META-INF/build-info.properties') }
assert files.any { it.endsWith('var/task/app/resources/META-INF/sbom/application.cdx.json') }
assert !files.any { it.contains('spring-boot-devtools') }: files.findAll { it.contains('devtools') }
assert !files.any { it.contains('spring-boot-configuration-processor') }
assert !image.config.config.Entrypoint.any { it.contains('devtools') }
assert !files.any { it.contains('snakeyaml') || it.contains('jul-to-slf4j') }
assert log.contains('Left out of the image: org.springframework.boot:spring-boot-devtools 3.5.7')
assert log.contains("(excluded in the Spring Boot plugin's configuration)")
assert log.contains('Left out of the image: org.slf4j:jul-to-slf4j 2.0.17 (listed in hover.excludes)')
true
