// The SDK pointed at moto; the stage is never deployed.
evaluate(new File(basedir, '../../../../src/it/image-support.groovy')).pointMavenAtMoto(basedir)
true
