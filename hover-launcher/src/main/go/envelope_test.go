package main

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
)

var staging = stageBinding{name: "shop-staging", stage: "staging"}

// sealed makes a file as SecretsEnvelope.seal does, with a header of our choosing: what the Java
// writer cannot be made to write (a key list that differs from the content).
func sealed(t *testing.T, binding stageBinding, keyNames []string, plain string) (*encryptedSecretsFile, *fakeDecryptor) {
	t.Helper()
	key := make([]byte, 32)
	nonce := make([]byte, nonceBytes)
	encrypted := make([]byte, 64)
	for _, b := range [][]byte{key, nonce, encrypted} {
		if _, err := rand.Read(b); err != nil {
			t.Fatal(err)
		}
	}
	file := &encryptedSecretsFile{binding: binding, keyID: "arn:aws:kms:us-east-1:123456789012:key/k", keyNames: keyNames,
		encryptedDataKey: encrypted, nonce: nonce}
	block, _ := aes.NewCipher(key)
	gcm, _ := cipher.NewGCM(block)
	file.sealed = gcm.Seal(nil, nonce, []byte(plain), file.associatedData(binding))
	return file, &fakeDecryptor{encrypted: encrypted, context: binding.encryptionContext(), plaintext: key}
}

func openFailure(t *testing.T, file *encryptedSecretsFile, expected stageBinding, keys dataKeyDecryptor) *secretsError {
	t.Helper()
	entries, err := openEnvelope(context.Background(), file, expected, "secrets.env", keys)
	var failure *secretsError
	if !errors.As(err, &failure) {
		t.Fatalf("got %q, %v; want a secrets error", entries, err)
	}
	return failure
}

func TestOpensWhatItsHeaderAnnounces(t *testing.T) {
	file, keys := sealed(t, staging, []string{"A", "B"}, "A=1\nB='two'\n")
	entries, err := openEnvelope(context.Background(), file, staging, "secrets.env", keys)
	if err != nil || len(entries) != 2 || entries[1] != (dotenvEntry{"B", "two"}) {
		t.Fatalf("got %q, %v", entries, err)
	}
}

func TestAFileOfAnotherStageIsRefusedBeforeKMSIsAsked(t *testing.T) {
	file, keys := sealed(t, stageBinding{"shop-production", "production"}, []string{"A"}, "A=1\n")
	failure := openFailure(t, file, staging, keys)
	want := "secrets.env belongs to stage production (name shop-production), not to stage staging (name shop-staging): " +
		"each stage has its own key; decrypt it for its own stage, and encrypt a plain file for staging"
	if failure.reason != reasonWrongStage || failure.message != want || keys.calls != 0 {
		t.Fatalf("got %v %q after %d KMS calls", failure.reason, failure.message, keys.calls)
	}
}

func TestAlteredFilesAreTamperedOnes(t *testing.T) {
	tagFailure := "secrets.env: the sealed content fails its integrity check (AES-GCM tag): the file was altered after encryption"
	cases := []struct {
		name   string
		keys   []string
		plain  string
		change func(*encryptedSecretsFile, *fakeDecryptor)
		want   string
	}{
		{"an edited header fails the tag", []string{"A"}, "A=1\n",
			func(f *encryptedSecretsFile, _ *fakeDecryptor) {
				f.keyID = "arn:aws:kms:us-east-1:123456789012:key/other"
			}, tagFailure},
		{"a flipped byte of the content fails the tag", []string{"A"}, "A=1\n",
			func(f *encryptedSecretsFile, _ *fakeDecryptor) { f.sealed[0] ^= 1 }, tagFailure},
		{"a data key of another context is refused by KMS", []string{"A"}, "A=1\n",
			func(_ *encryptedSecretsFile, k *fakeDecryptor) {
				k.context = stageBinding{"shop-staging", "other"}.encryptionContext()
			},
			"KMS refuses the encrypted data key under this stage's encryption context: the data key in the file was altered, " +
				"or the file belongs to another stage or app"},
		{"a key list that differs from the content", []string{"A", "B"}, "B=2\nA=1\n",
			func(*encryptedSecretsFile, *fakeDecryptor) {},
			"secrets.env: the key list in the header does not match the sealed content: the file was not written by Hover"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file, keys := sealed(t, staging, c.keys, c.plain)
			c.change(file, keys)
			if failure := openFailure(t, file, staging, keys); failure.reason != reasonTampered || failure.message != c.want {
				t.Fatalf("got %v %q", failure.reason, failure.message)
			}
		})
	}
}

func TestInvalidDotenvInsideNamesTheDecryptedFileAndNoValue(t *testing.T) {
	file, keys := sealed(t, staging, []string{"A"}, "A=s3cr3t\nnot a pair s3cr3t\n")
	failure := openFailure(t, file, staging, keys)
	if failure.reason != reasonSyntax || !strings.HasPrefix(failure.message, "secrets.env (decrypted), line 2: expected KEY=value") ||
		strings.Contains(failure.message, "s3cr3t") {
		t.Fatalf("got %v %q", failure.reason, failure.message)
	}
}
