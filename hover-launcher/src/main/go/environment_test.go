package main

import (
	"errors"
	"slices"
	"testing"
)

func TestASecretAlreadyInTheEnvironmentIsRefusedNamingItOnly(t *testing.T) {
	file := &encryptedSecretsFile{binding: staging, keyNames: []string{"DB_PASSWORD", "API_TOKEN", "MODE"}}
	err := requireNoConflict([]string{"PATH=/bin", "MODE=fast", "DB_PASSWORD=", "OTHER=x=y"}, file)
	var failure *secretsError
	if !errors.As(err, &failure) || failure.reason != reasonConflict || failure.message != "DB_PASSWORD, MODE are set both in the "+
		"environment of the function and in the secrets of stage staging (.hover/staging-secrets.env): a secret overrides nothing; remove one of them" {
		t.Fatalf("got %v", err)
	}
	err = requireNoConflict([]string{"API_TOKEN=1"}, file)
	if err == nil || err.Error() != "API_TOKEN is set both in the environment of the function and in the secrets of stage staging "+
		"(.hover/staging-secrets.env): a secret overrides nothing; remove one of them" {
		t.Fatalf("got %v", err)
	}
	if err := requireNoConflict([]string{"PATH=/bin", "DB_PASSWORDS=1"}, file); err != nil {
		t.Fatal(err)
	}
}

func TestTheProgramsEnvironmentHasTheSecretsAndTheirNamesInFileOrder(t *testing.T) {
	environment, err := withSecrets([]string{"PATH=/bin", "HOVER_SECRETS=stale", "EMPTY="},
		[]dotenvEntry{{"ZED", "multi\nline"}, {"ALPHA", "a=b"}})
	want := []string{"PATH=/bin", "EMPTY=", "ZED=multi\nline", "ALPHA=a=b", "HOVER_SECRETS=ZED ALPHA"}
	if err != nil || !slices.Equal(environment, want) {
		t.Fatalf("got %q, %v; want %q", environment, err, want)
	}
}

func TestNoSecretsGiveAnEmptyListOfNames(t *testing.T) {
	environment, err := withSecrets([]string{"PATH=/bin"}, nil)
	if err != nil || !slices.Equal(environment, []string{"PATH=/bin", "HOVER_SECRETS="}) {
		t.Fatalf("got %q, %v", environment, err)
	}
}

func TestASecretWithANULByteIsRefusedNamingTheKeyOnly(t *testing.T) {
	_, err := withSecrets(nil, []dotenvEntry{{"TOKEN", "ab\x00cd"}})
	if err == nil || err.Error() != "the secret TOKEN holds a NUL character, which a process environment cannot carry" {
		t.Fatalf("got %v", err)
	}
}
