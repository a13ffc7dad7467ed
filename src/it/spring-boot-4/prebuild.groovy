// The base image as a docker-save tar, and the spring-boot test's manifest with a free port for the stage.
evaluate(new File(basedir, '../../../../src/it/image-support.groovy'))
        .prepareStage(basedir, '18240', new File(basedir, '../../../../src/it/spring-boot/.hover/staging.yml'))
true
