// The manifest the model's tests read (hover-model/src/test/resources/manifests/original-hover.yml),
// as the project's .hover/staging.yml: one file of the original Hover's format for both.
def original = new File(basedir, '../../../../hover-model/src/test/resources/manifests/original-hover.yml')
new File(basedir, '.hover').mkdirs()
new File(basedir, '.hover/staging.yml').text = original.text
true
