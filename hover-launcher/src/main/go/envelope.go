package main

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"slices"
)

// dataKeyDecryptor decrypts a file's data key; it is bound to the key it trusts (the stage key's
// alias), never to the key the file names, so that a file cannot bring its own key.
type dataKeyDecryptor interface {
	decrypt(ctx context.Context, encrypted []byte, encryptionContext map[string]string) ([]byte, error)
}

// openEnvelope decrypts a file for the stage that expects it, as SecretsEnvelope.open does: the
// expected stage, not the file's header, forms the encryption context and the associated data.
// source names the encrypted file in errors.
func openEnvelope(ctx context.Context, file *encryptedSecretsFile, expected stageBinding, source string, keys dataKeyDecryptor) ([]dotenvEntry, error) {
	if file.binding != expected {
		return nil, fail(reasonWrongStage, source+" belongs to "+file.binding.String()+", not to "+expected.String()+
			": each stage has its own key; decrypt it for its own stage, and encrypt a plain file for "+expected.stage)
	}
	key, err := keys.decrypt(ctx, file.encryptedDataKey, expected.encryptionContext())
	if err != nil {
		return nil, err
	}
	plain, err := sealOpen(key, file.nonce, file.sealed, file.associatedData(expected))
	clear(key)
	if err != nil {
		return nil, fail(reasonTampered, source+": the sealed content fails its integrity check "+
			"(AES-GCM tag): the file was altered after encryption")
	}
	entries, err := parseDotenv(string(plain), source+" (decrypted)")
	clear(plain)
	if err != nil {
		return nil, err
	}
	if !slices.Equal(entryKeys(entries), file.keyNames) {
		return nil, fail(reasonTampered, source+": the key list in the header does not match "+
			"the sealed content: the file was not written by Hover")
	}
	return entries, nil
}

// sealOpen is AES-256-GCM with a 96-bit nonce and a 128-bit tag, as javax.crypto's AES/GCM/NoPadding.
func sealOpen(key, nonce, sealed, associatedData []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return gcm.Open(nil, nonce, sealed, associatedData)
}

func entryKeys(entries []dotenvEntry) []string {
	keys := make([]string, len(entries))
	for i, entry := range entries {
		keys[i] = entry.key
	}
	return keys
}
