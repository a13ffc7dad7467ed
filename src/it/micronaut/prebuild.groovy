// The base image as a docker-save tar (no registry is reachable from the invoker run), and a free port for the stage.
evaluate(new File(basedir, '../../../../src/it/image-support.groovy')).prepareStage(basedir, '18240')
true
