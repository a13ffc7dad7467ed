package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestTheErrorReportIsTheRuntimeAPIsJSON(t *testing.T) {
	report := errorReport{kind: secretsUnavailable, message: "The secrets cannot be decrypted: <file> & \"quotes\"\nline two"}
	want := `{"errorMessage":"The secrets cannot be decrypted: <file> & \"quotes\"\nline two","errorType":"Runtime.SecretsUnavailable","stackTrace":[]}`
	if got := string(report.toJSON()); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestTheInitErrorIsPostedWithItsKind(t *testing.T) {
	var method, path, kind, contentType, body string
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		method, path = r.Method, r.URL.Path
		kind, contentType = r.Header.Get("Lambda-Runtime-Function-Error-Type"), r.Header.Get("Content-Type")
		content, _ := io.ReadAll(r.Body)
		body = string(content)
		w.WriteHeader(http.StatusAccepted)
	}))
	defer api.Close()
	report := errorReport{kind: secretsUnavailable, message: "m"}

	if err := reportInitError(strings.TrimPrefix(api.URL, "http://"), report); err != nil {
		t.Fatal(err)
	}
	if method != "POST" || path != "/2018-06-01/runtime/init/error" || kind != "Runtime.SecretsUnavailable" ||
		contentType != "application/vnd.aws.lambda.error+json" || body != string(report.toJSON()) {
		t.Fatalf("got %s %s %s %s %s", method, path, kind, contentType, body)
	}
}

func TestARefusedReportSaysWhatTheRuntimeAPIAnswered(t *testing.T) {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, `{"errorType":"InvalidStateTransition"}`, http.StatusForbidden)
	}))
	defer api.Close()
	err := reportInitError(strings.TrimPrefix(api.URL, "http://"), errorReport{kind: secretsUnavailable, message: "m"})
	if err == nil || err.Error() != "POST /2018-06-01/runtime/init/error answered 403: {\"errorType\":\"InvalidStateTransition\"}" {
		t.Fatalf("got %v", err)
	}
}
