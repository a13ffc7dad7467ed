package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// The init error's kinds, as the Java runtime names them: the secrets cannot be decrypted, or the
// application (here: the program to become) cannot be started.
const (
	secretsUnavailable = "SecretsUnavailable"
	appStartFailed     = "AppStartFailed"
)

// errorReport is an error in the Runtime API's format (hover-lambda-runtime's ErrorReport): the
// body {"errorMessage","errorType","stackTrace"} and the header
// Lambda-Runtime-Function-Error-Type: Runtime.<kind>.
type errorReport struct {
	kind    string
	message string
}

func (r errorReport) headerValue() string {
	return "Runtime." + r.kind
}

// toJSON is the body; like Jackson, it leaves <, > and & unescaped.
func (r errorReport) toJSON() []byte {
	var out bytes.Buffer
	encoder := json.NewEncoder(&out)
	encoder.SetEscapeHTML(false)
	// a struct of strings cannot fail to encode
	_ = encoder.Encode(struct {
		ErrorMessage string   `json:"errorMessage"`
		ErrorType    string   `json:"errorType"`
		StackTrace   []string `json:"stackTrace"`
	}{r.message, r.headerValue(), []string{}})
	return bytes.TrimSuffix(out.Bytes(), []byte("\n"))
}

// reportTimeout bounds the one POST: the Runtime API is on the same host and answers at once.
const reportTimeout = 2 * time.Second

// reportInitError posts the report to the Runtime API at address (host:port, as in
// AWS_LAMBDA_RUNTIME_API); Lambda then ends the container.
func reportInitError(address string, report errorReport) error {
	request, err := http.NewRequest(http.MethodPost, "http://"+address+"/2018-06-01/runtime/init/error", bytes.NewReader(report.toJSON()))
	if err != nil {
		return err
	}
	request.Header.Set("Content-Type", "application/vnd.aws.lambda.error+json")
	request.Header.Set("Lambda-Runtime-Function-Error-Type", report.headerValue())
	response, err := (&http.Client{Timeout: reportTimeout}).Do(request)
	if err != nil {
		return err
	}
	defer response.Body.Close()
	if response.StatusCode/100 != 2 {
		answer, _ := io.ReadAll(io.LimitReader(response.Body, 64*1024))
		answer = bytes.TrimSpace(answer)
		return fmt.Errorf("POST /2018-06-01/runtime/init/error answered %d: %s", response.StatusCode, answer)
	}
	return nil
}
