// The same offline base image (a docker-save tar) and secrets stand-ins as the build-image test,
// from its script in the source tree (this project runs cloned to hover-maven-plugin/target/it).
evaluate(new File(basedir, '../../../../src/it/build-image/prebuild.groovy'))

evaluate(new File(basedir, '../../../../src/it/image-support.groovy')).pointMavenAtMoto(basedir)
true
