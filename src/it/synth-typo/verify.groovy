String log = new File(basedir, 'build.log').text
assert log.contains(".hover/dev.yml:4:3: http.memmory: unknown key 'memmory'; did you mean 'memory'?")
assert !new File(basedir, 'target/hover/dev/template.json').exists()
return true
