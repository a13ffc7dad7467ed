// The offline base image in the application module, and the SDK pointed at moto.
def support = evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
support.writeBaseImage(new File(basedir, 'app'))
support.pointMavenAtMoto(basedir)
true
