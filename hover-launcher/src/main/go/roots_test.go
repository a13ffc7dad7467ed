package main

import (
	"crypto/x509"
	"encoding/pem"
	"os"
	"os/exec"
	"testing"
)

// A base image without CA certificates must still reach KMS over TLS: with no system roots at all,
// the fallback bundle this program embeds verifies Amazon Root CA 1, which KMS's chain ends in.
func TestWithoutSystemRootsTheEmbeddedOnesVerifyKMSsRoot(t *testing.T) {
	if os.Getenv("HOVER_LAUNCH_TEST_NO_ROOTS") == "" {
		// in a process of its own: the system roots are loaded once per process
		test := exec.Command(os.Args[0], "-test.run=^TestWithoutSystemRootsTheEmbeddedOnesVerifyKMSsRoot$", "-test.v")
		test.Env = append(os.Environ(), "HOVER_LAUNCH_TEST_NO_ROOTS=1", "SSL_CERT_FILE=/nonexistent/roots.pem", "SSL_CERT_DIR=/nonexistent")
		if output, err := test.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, output)
		}
		return
	}
	content, err := os.ReadFile("testdata/amazon-root-ca-1.crt")
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(content)
	root, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := root.Verify(x509.VerifyOptions{Roots: x509.NewCertPool()}); err == nil {
		t.Fatal("an empty pool verified the root: this test proves nothing")
	}
	if _, err := root.Verify(x509.VerifyOptions{}); err != nil {
		t.Fatalf("without system roots: %v", err)
	}
}
