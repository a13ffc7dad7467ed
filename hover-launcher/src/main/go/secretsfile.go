package main

import (
	"encoding/base64"
	"regexp"
	"strconv"
	"strings"
)

// The encrypted secrets file, format version 1 (docs/secrets.md): the Go reader of what hover-model's
// dev.hover.secrets.EncryptedSecretsFile writes and reads, with the same checks and messages.

const (
	secretsFormatVersion = 1
	nonceBytes           = 12
)

var (
	secretsFields  = []string{"hover-secrets", "name", "stage", "kms-key", "keys", "data-key", "nonce", "sealed-length", "sealed"}
	keyNamePattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	digitsPattern  = regexp.MustCompile(`^[0-9]{1,9}$`)
)

// stageBinding is the stage a file belongs to: the manifest's name and the stage.
type stageBinding struct {
	name  string
	stage string
}

// String is StageBinding.toString.
func (b stageBinding) String() string {
	return "stage " + b.stage + " (name " + b.name + ")"
}

// encryptionContext is the KMS encryption context the data key is bound to.
func (b stageBinding) encryptionContext() map[string]string {
	return map[string]string{"hover:name": b.name, "hover:stage": b.stage}
}

type encryptedSecretsFile struct {
	binding          stageBinding
	keyID            string
	keyNames         []string
	encryptedDataKey []byte
	nonce            []byte
	sealed           []byte
}

// associatedData is the AES-GCM associated data: the header in canonical form, with the stage the
// reader expects rather than the one the file claims, so that editing the header breaks the tag.
func (f *encryptedSecretsFile) associatedData(expected stageBinding) []byte {
	return []byte("hover-secrets: " + strconv.Itoa(secretsFormatVersion) + "\n" +
		"name: " + expected.name + "\n" +
		"stage: " + expected.stage + "\n" +
		"kms-key: " + f.keyID + "\n" +
		"keys: " + strings.Join(f.keyNames, " ") + "\n" +
		"data-key: " + base64.StdEncoding.EncodeToString(f.encryptedDataKey) + "\n" +
		"nonce: " + base64.StdEncoding.EncodeToString(f.nonce) + "\n")
}

// parseSecretsFile reads a file's text; source names the file in errors.
func parseSecretsFile(text, source string) (*encryptedSecretsFile, error) {
	normalized := strings.ReplaceAll(text, "\r\n", "\n")
	r := &secretsFileReader{
		source:            source,
		lines:             strings.Split(normalized, "\n"),
		endsWithLineBreak: strings.HasSuffix(normalized, "\n"),
	}
	file, err := r.fields()
	if err != nil {
		if !r.endsWithLineBreak && r.index >= len(r.lines) && err.reason != reasonTruncated {
			return nil, r.fail(reasonTruncated, "the file is truncated: it ends in the middle of line "+strconv.Itoa(len(r.lines)))
		}
		return nil, err
	}
	return file, nil
}

type secretsFileReader struct {
	source            string
	lines             []string
	endsWithLineBreak bool
	index             int
	fieldLine         int
}

func (r *secretsFileReader) fields() (*encryptedSecretsFile, *secretsError) {
	version, err := r.next("hover-secrets")
	if err != nil {
		return nil, err
	}
	if version != strconv.Itoa(secretsFormatVersion) {
		if !digitsPattern.MatchString(version) {
			return nil, r.fail(reasonMalformed, r.atField()+"the format version is not a number")
		}
		return nil, r.fail(reasonUnknownVersion, "written in secrets format version "+version+
			", and this Hover reads version "+strconv.Itoa(secretsFormatVersion)+
			" only: use the Hover version that wrote it, or a newer one")
	}
	file := &encryptedSecretsFile{}
	if file.binding.name, err = r.next("name"); err != nil {
		return nil, err
	}
	if file.binding.stage, err = r.next("stage"); err != nil {
		return nil, err
	}
	if file.binding.name == "" || file.binding.stage == "" {
		return nil, r.fail(reasonMalformed, "the name and the stage must not be empty")
	}
	if file.keyID, err = r.next("kms-key"); err != nil {
		return nil, err
	}
	if file.keyNames, err = r.keyNames(); err != nil {
		return nil, err
	}
	if file.encryptedDataKey, err = r.decodedField("data-key"); err != nil {
		return nil, err
	}
	if file.nonce, err = r.decodedField("nonce"); err != nil {
		return nil, err
	}
	if len(file.nonce) != nonceBytes {
		return nil, r.fail(reasonTampered, r.atField()+"the nonce has "+strconv.Itoa(len(file.nonce))+
			" bytes instead of "+strconv.Itoa(nonceBytes)+": the file was altered")
	}
	if file.sealed, err = r.sealed(); err != nil {
		return nil, err
	}
	if _, found := r.nextFieldLine(); found {
		return nil, r.fail(reasonMalformed, "line "+strconv.Itoa(r.index)+": unexpected text after the sealed content")
	}
	return file, nil
}

func (r *secretsFileReader) keyNames() ([]string, *secretsError) {
	value, err := r.next("keys")
	if err != nil {
		return nil, err
	}
	// String.split(" +"): the value is stripped, so no empty name can appear
	names := strings.FieldsFunc(value, func(c rune) bool { return c == ' ' })
	for _, name := range names {
		if !keyNamePattern.MatchString(name) {
			return nil, r.fail(reasonMalformed, r.atField()+"'keys' holds something that is not a key name")
		}
	}
	return names, nil
}

// sealed reads sealed-length and sealed: too few characters is a truncated file, too many an altered one.
func (r *secretsFileReader) sealed() ([]byte, *secretsError) {
	lengthValue, err := r.next("sealed-length")
	if err != nil {
		return nil, err
	}
	if !digitsPattern.MatchString(lengthValue) {
		return nil, r.fail(reasonMalformed, r.atField()+"sealed-length is not a number")
	}
	announced, _ := strconv.Atoi(lengthValue)
	value, err := r.next("sealed")
	if err != nil {
		return nil, err
	}
	expectedChars := (announced + 2) / 3 * 4
	if javaLength(value) < expectedChars {
		return nil, r.fail(reasonTruncated, "the sealed content is truncated: "+strconv.Itoa(javaLength(value))+
			" base64 characters where the header announces "+strconv.Itoa(expectedChars)+" ("+strconv.Itoa(announced)+" bytes)")
	}
	if javaLength(value) > expectedChars {
		return nil, r.fail(reasonTampered, "the sealed content is longer than the header announces: the file was altered")
	}
	return r.decode("sealed", value)
}

func (r *secretsFileReader) decodedField(field string) ([]byte, *secretsError) {
	value, err := r.next(field)
	if err != nil {
		return nil, err
	}
	return r.decode(field, value)
}

// decode is java.util.Base64's basic decoder: the padding may be left out, but when present it
// must be complete, and nothing else (not even a line break) is accepted.
func (r *secretsFileReader) decode(field, value string) ([]byte, *secretsError) {
	encoding := base64.RawStdEncoding
	if strings.Contains(value, "=") {
		encoding = base64.StdEncoding
	}
	bytes, err := encoding.DecodeString(value)
	if err != nil || strings.ContainsAny(value, "\r\n") {
		return nil, r.fail(reasonTampered, r.atField()+"field '"+field+"' is not valid base64: the file was altered")
	}
	return bytes, nil
}

// next is the value of the next field, which must be expected; folded lines are joined.
func (r *secretsFileReader) next(expected string) (string, *secretsError) {
	line, found := r.nextFieldLine()
	if !found {
		return "", r.fail(reasonTruncated, "the file is truncated: it ends before field '"+expected+"'")
	}
	r.fieldLine = r.index
	colon := strings.IndexByte(line, ':')
	name := line
	if colon >= 0 {
		name = line[:colon]
	}
	if name != expected {
		if expected == secretsFields[0] {
			return "", r.fail(reasonMalformed, "not a Hover secrets file: it does not start with 'hover-secrets: <version>'")
		}
		message := "line " + strconv.Itoa(r.index) + ": expected field '" + expected + "'"
		if isSecretsField(name) {
			message += ", found '" + name + "' (the fields are in a fixed order)"
		}
		return "", r.fail(reasonMalformed, message)
	}
	var value strings.Builder
	value.WriteString(javaStrip(line[colon+1:]))
	for r.index < len(r.lines) && r.lines[r.index] != "" && startsWithJavaWhitespace(r.lines[r.index]) {
		value.WriteString(javaStrip(r.lines[r.index]))
		r.index++
	}
	return value.String(), nil
}

// nextFieldLine skips blank lines and comments, and advances past the line it returns.
func (r *secretsFileReader) nextFieldLine() (string, bool) {
	for r.index < len(r.lines) {
		line := r.lines[r.index]
		r.index++
		if !javaIsBlank(line) && !strings.HasPrefix(line, "#") {
			return line, true
		}
	}
	return "", false
}

func (r *secretsFileReader) atField() string {
	return "line " + strconv.Itoa(r.fieldLine) + ": "
}

func (r *secretsFileReader) fail(reason reason, message string) *secretsError {
	return fail(reason, r.source+": "+message)
}

func isSecretsField(name string) bool {
	for _, field := range secretsFields {
		if field == name {
			return true
		}
	}
	return false
}
