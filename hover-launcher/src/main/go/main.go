// Command hover-launch is the entry point of a Lambda image whose stage has secrets: it decrypts
// the packaged secrets file with KMS, then replaces itself (execve, same PID) with the
// application's JVM, the secrets in that JVM's real process environment. A static program
// instead of a JVM keeps the secrets' cost at cold start to the KMS call, and the image needs no
// shell (docs/runtime.md, "The application's environment").
package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
	"unicode/utf8"

	// trusted roots for a base image without CA certificates; the system's roots win when present
	_ "golang.org/x/crypto/x509roots/fallback"
)

const (
	exitFailure = 1
	exitUsage   = 2
)

func main() {
	started := time.Now()
	args, err := parseArguments(os.Args[1:])
	if err != nil {
		os.Stderr.WriteString("hover-launch: " + err.Error() + "\n" + usage + "\n")
		os.Exit(exitUsage)
	}
	// found first: a program that cannot start costs no KMS call
	program, err := exec.LookPath(args.program[0])
	if err != nil && !errors.Is(err, exec.ErrDot) {
		os.Exit(reportFailure(errorReport{kind: appStartFailed, message: "The application cannot be started: " + err.Error()}))
	}
	secrets, err := decryptSecrets(context.Background(), args.secretsFile, args.expected, os.Environ())
	var environment []string
	if err == nil {
		environment, err = withSecrets(os.Environ(), secrets)
	}
	if err != nil {
		os.Exit(reportFailure(errorReport{kind: secretsUnavailable, message: "The secrets cannot be decrypted: " + err.Error()}))
	}
	logLine("secrets of " + args.expected.name + ": " + strconv.Itoa(len(secrets)) + " decrypted in " +
		strconv.FormatInt(time.Since(started).Milliseconds(), 10) + " ms, before the application's JVM starts")
	err = syscall.Exec(program, args.program, environment)
	os.Exit(reportFailure(errorReport{kind: appStartFailed, message: "The application cannot be started: " + program + ": " + err.Error()}))
}

// decryptSecrets reads, checks and opens the file, as the Java runtime's KmsSecretsSource did: the
// conflicts and the stage are checked before KMS is asked.
func decryptSecrets(ctx context.Context, path string, expected stageBinding, environment []string) ([]dotenvEntry, error) {
	source := "the packaged secrets file " + path
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, fail(reasonOther, "cannot read "+source+": "+pathErrorText(err))
	}
	if !utf8.Valid(content) {
		return nil, fail(reasonMalformed, source+": not UTF-8 text")
	}
	file, err := parseSecretsFile(string(content), source)
	if err != nil {
		return nil, err
	}
	if err := requireNoConflict(environment, file); err != nil {
		return nil, err
	}
	return openEnvelope(ctx, file, expected, source, &kmsDecryptor{keyID: secretsKeyAlias(expected.name)})
}

// secretsKeyAlias is Names.secretsKeyAlias: the stage key, the only one the launcher trusts.
func secretsKeyAlias(name string) string {
	return "alias/" + name + "-secrets-key"
}

// pathErrorText is the error without the path, which the message already names.
func pathErrorText(err error) string {
	var pathError *os.PathError
	if errors.As(err, &pathError) {
		return pathError.Err.Error()
	}
	return err.Error()
}

// reportFailure logs the failure and reports it as the init error; it returns the exit status.
func reportFailure(report errorReport) int {
	logLine("init failed: " + report.headerValue() + ": " + report.message)
	address := os.Getenv("AWS_LAMBDA_RUNTIME_API")
	if address == "" {
		logLine("AWS_LAMBDA_RUNTIME_API is not set, so this is not reported as the init error: hover-launch runs inside AWS Lambda (or its emulator)")
		return exitUsage
	}
	if err := reportInitError(address, report); err != nil {
		logLine("the init error cannot be reported to the Runtime API at " + address + ": " + err.Error())
	}
	return exitFailure
}
