package main

import "testing"

// The texts of hover-model's KmsFailures, for each error code KMS gives.
func TestKMSRefusalsGetTheJavaSidesTexts(t *testing.T) {
	key := "alias/shop-staging-secrets-key"
	cases := []struct {
		code, message string
		reason        reason
		want          string
	}{
		{"AccessDeniedException", "User: arn:aws:sts::1:assumed-role/r is not authorized", reasonAccessDenied,
			"missing permission kms:Decrypt on KMS key " + key + ": grant it to " + kmsPrincipal +
				" (KMS: User: arn:aws:sts::1:assumed-role/r is not authorized)"},
		{"DisabledException", "", reasonKeyUnusable,
			"KMS key " + key + " is disabled: enable it (aws kms enable-key --key-id " + key + ")"},
		{"KMSInvalidStateException", " ", reasonKeyUnusable,
			"KMS key " + key + " cannot be used in its current state, usually pending deletion: cancel the deletion " +
				"(aws kms cancel-key-deletion --key-id " + key + ") and enable it"},
		{"NotFoundException", "Alias is not found.", reasonKeyUnusable,
			"KMS key " + key + " does not exist in this account and region (KMS: Alias is not found.)"},
		{"InvalidCiphertextException", "", reasonTampered,
			"KMS refuses the encrypted data key under this stage's encryption context: the data key in the file was altered, " +
				"or the file belongs to another stage or app"},
		{"IncorrectKeyException", "", reasonTampered,
			"the data key in the file was not encrypted under KMS key " + key + ": the file was altered, or it belongs to another stage"},
		{"ThrottlingException", "Rate exceeded", reasonOther, "kms:Decrypt on KMS key " + key + " failed: ThrottlingException (KMS: Rate exceeded)"},
	}
	for _, c := range cases {
		got := translateKMSFailure("kms:Decrypt", key, kmsPrincipal, c.code, c.message)
		if got.reason != c.reason || got.message != c.want {
			t.Errorf("%s: got %v %q, want %v %q", c.code, got.reason, got.message, c.reason, c.want)
		}
	}
}
