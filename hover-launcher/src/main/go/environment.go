package main

import (
	"strings"
)

// secretNamesVariable is LaunchCommand.SECRET_NAMES_VARIABLE: the secrets' names, space-separated,
// in file order, so that the runtime knows what it was given.
const secretNamesVariable = "HOVER_SECRETS"

// requireNoConflict is EnvironmentConflicts' rule at cold start: a secret overrides nothing, so a
// secret named like a variable already in the function's environment (the manifest's
// environment reaches it that way) is refused. The header's names suffice: no decryption needed.
func requireNoConflict(environment []string, file *encryptedSecretsFile) error {
	present := map[string]bool{}
	for _, variable := range environment {
		name, _, _ := strings.Cut(variable, "=")
		present[name] = true
	}
	var both []string
	for _, name := range file.keyNames {
		if present[name] {
			both = append(both, name)
		}
	}
	if len(both) == 0 {
		return nil
	}
	verb := " are"
	if len(both) == 1 {
		verb = " is"
	}
	return fail(reasonConflict, strings.Join(both, ", ")+verb+" set both in the environment of the function and in the secrets of stage "+
		file.binding.stage+" (.hover/"+file.binding.stage+"-secrets.env): a secret overrides nothing; remove one of them")
}

// withSecrets is the program's environment: this process's, the secrets, and their names in
// HOVER_SECRETS (replacing one inherited). A secret holding a NUL byte cannot be carried by a
// process environment and is refused, naming the key only.
func withSecrets(environment []string, secrets []dotenvEntry) ([]string, error) {
	result := make([]string, 0, len(environment)+len(secrets)+1)
	for _, variable := range environment {
		if !strings.HasPrefix(variable, secretNamesVariable+"=") {
			result = append(result, variable)
		}
	}
	names := make([]string, len(secrets))
	for i, secret := range secrets {
		if strings.IndexByte(secret.value, 0) >= 0 {
			return nil, fail(reasonOther, "the secret "+secret.key+" holds a NUL character, which a process environment cannot carry")
		}
		names[i] = secret.key
		result = append(result, secret.key+"="+secret.value)
	}
	return append(result, secretNamesVariable+"="+strings.Join(names, " ")), nil
}
