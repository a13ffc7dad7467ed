package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The test vectors hover-model's SecretsVectorsTest checks against the Java reader: the Go reader
// must give the same answers, byte for byte and message for message.
var vectorsDirectory = filepath.Join("..", "..", "..", "..", "hover-model", "src", "test", "resources", "dev", "hover", "secrets", "vectors")

type entryVector struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

type dotenvVectors struct {
	Source string `json:"source"`
	Cases  []struct {
		Name    string        `json:"name"`
		Text    string        `json:"text"`
		Entries []entryVector `json:"entries"`
		Error   *string       `json:"error"`
	} `json:"cases"`
}

type secretsFileVectors struct {
	Source string `json:"source"`
	Cases  []struct {
		Name string `json:"name"`
		Text string `json:"text"`
		File *struct {
			Name    string   `json:"name"`
			Stage   string   `json:"stage"`
			KMSKey  string   `json:"kmsKey"`
			Keys    []string `json:"keys"`
			DataKey string   `json:"dataKey"`
			Nonce   string   `json:"nonce"`
			Sealed  string   `json:"sealed"`
		} `json:"file"`
		Error  *string `json:"error"`
		Reason string  `json:"reason"`
	} `json:"cases"`
}

type envelopeVector struct {
	Name             string        `json:"name"`
	Stage            string        `json:"stage"`
	Source           string        `json:"source"`
	DataKey          []byte        `json:"dataKey"`
	EncryptedDataKey []byte        `json:"encryptedDataKey"`
	File             string        `json:"file"`
	Entries          []entryVector `json:"entries"`
}

var reasonNames = map[reason]string{
	reasonSyntax: "SYNTAX", reasonMalformed: "MALFORMED", reasonUnknownVersion: "UNKNOWN_VERSION",
	reasonTruncated: "TRUNCATED", reasonTampered: "TAMPERED", reasonWrongStage: "WRONG_STAGE",
	reasonAccessDenied: "ACCESS_DENIED", reasonKeyUnusable: "KEY_UNUSABLE", reasonConflict: "CONFLICT", reasonOther: "OTHER",
}

func readVectors(t *testing.T, name string, into any) {
	t.Helper()
	content, err := os.ReadFile(filepath.Join(vectorsDirectory, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(content, into); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func asEntries(vectors []entryVector) []dotenvEntry {
	entries := []dotenvEntry{}
	for _, v := range vectors {
		entries = append(entries, dotenvEntry{key: v.Key, value: v.Value})
	}
	return entries
}

func TestDotenvVectorsParseAsInJava(t *testing.T) {
	var vectors dotenvVectors
	readVectors(t, "dotenv.json", &vectors)
	if len(vectors.Cases) < 30 {
		t.Fatalf("only %d dotenv vectors", len(vectors.Cases))
	}
	for _, vector := range vectors.Cases {
		t.Run(vector.Name, func(t *testing.T) {
			entries, err := parseDotenv(vector.Text, vectors.Source)
			if vector.Error != nil {
				var failure *secretsError
				if err == nil || !errors.As(err, &failure) || failure.message != *vector.Error || failure.reason != reasonSyntax {
					t.Fatalf("got %v, %v; want the error %q", entries, err, *vector.Error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if want := asEntries(vector.Entries); !slices.Equal(append([]dotenvEntry{}, entries...), want) {
				t.Fatalf("got %q, want %q", entries, want)
			}
		})
	}
}

func TestSecretsFileVectorsReadAsInJava(t *testing.T) {
	var vectors secretsFileVectors
	readVectors(t, "secrets-files.json", &vectors)
	encode := base64.StdEncoding.EncodeToString
	reasons := map[string]bool{}
	for _, vector := range vectors.Cases {
		t.Run(vector.Name, func(t *testing.T) {
			file, err := parseSecretsFile(vector.Text, vectors.Source)
			if vector.Error != nil {
				reasons[vector.Reason] = true
				var failure *secretsError
				if err == nil || !errors.As(err, &failure) || failure.message != *vector.Error || reasonNames[failure.reason] != vector.Reason {
					t.Fatalf("got %+v, %v; want %s: %q", file, err, vector.Reason, *vector.Error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := vector.File
			keys := want.Keys
			if keys == nil {
				keys = []string{}
			}
			if file.binding != (stageBinding{want.Name, want.Stage}) || file.keyID != want.KMSKey || !slices.Equal(append([]string{}, file.keyNames...), keys) ||
				encode(file.encryptedDataKey) != want.DataKey || encode(file.nonce) != want.Nonce || encode(file.sealed) != want.Sealed {
				t.Fatalf("got %+v, want %+v", file, want)
			}
		})
	}
	for _, r := range []string{"MALFORMED", "UNKNOWN_VERSION", "TRUNCATED", "TAMPERED"} {
		if !reasons[r] {
			t.Errorf("no vector fails with %s", r)
		}
	}
}

func TestTheEnvelopeSealedByJavaOpens(t *testing.T) {
	var vector envelopeVector
	readVectors(t, "envelope.json", &vector)
	file, err := parseSecretsFile(vector.File, vector.Source)
	if err != nil {
		t.Fatal(err)
	}
	stage := stageBinding{vector.Name, vector.Stage}
	keys := &fakeDecryptor{encrypted: vector.EncryptedDataKey, context: stage.encryptionContext(), plaintext: vector.DataKey}

	entries, err := openEnvelope(context.Background(), file, stage, vector.Source, keys)

	if err != nil {
		t.Fatal(err)
	}
	if want := asEntries(vector.Entries); !slices.Equal(entries, want) {
		t.Fatalf("got %q, want %q", entries, want)
	}
	if keys.calls != 1 {
		t.Fatalf("%d calls to KMS, want 1", keys.calls)
	}
}

// fakeDecryptor stands in for KMS: it decrypts only its own encrypted data key, under its own
// encryption context, and fails as KMS does otherwise.
type fakeDecryptor struct {
	encrypted []byte
	context   map[string]string
	plaintext []byte
	calls     int
}

func (f *fakeDecryptor) decrypt(_ context.Context, encrypted []byte, encryptionContext map[string]string) ([]byte, error) {
	f.calls++
	if !slices.Equal(encrypted, f.encrypted) || !maps.Equal(encryptionContext, f.context) {
		return nil, translateKMSFailure("kms:Decrypt", "alias/test", kmsPrincipal, "InvalidCiphertextException", "")
	}
	return slices.Clone(f.plaintext), nil
}
