package main

// reason says what kind of failure a secrets error is; it mirrors the Java side's
// SecretsException.Reason, so that the two readers of a file fail alike.
type reason int

const (
	reasonSyntax reason = iota
	reasonMalformed
	reasonUnknownVersion
	reasonTruncated
	reasonTampered
	reasonWrongStage
	reasonAccessDenied
	reasonKeyUnusable
	reasonConflict
	reasonOther
)

// secretsError is a failure to decrypt the secrets. Its message says what went wrong and
// where, and never holds a secret value: it is logged and reported as the init error.
type secretsError struct {
	reason  reason
	message string
}

func (e *secretsError) Error() string {
	return e.message
}

func fail(r reason, message string) *secretsError {
	return &secretsError{reason: r, message: message}
}
