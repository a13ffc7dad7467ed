package main

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/ec2/imds"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/smithy-go"
)

const kmsPrincipal = "the function's role (auth.lambda-role, or the role the stack creates)"

// kmsDecryptor decrypts data keys with the function role's kms:Decrypt, under the stage key only
// (keyID, its alias). The SDK is configured on the first call, so a file refused before it (another
// stage's, a conflict) costs no configuration.
type kmsDecryptor struct {
	keyID string
}

func (d *kmsDecryptor) decrypt(ctx context.Context, encrypted []byte, encryptionContext map[string]string) ([]byte, error) {
	client, err := d.client(ctx)
	if err != nil {
		return nil, err
	}
	out, err := client.Decrypt(ctx, &kms.DecryptInput{
		KeyId:             aws.String(d.keyID),
		CiphertextBlob:    encrypted,
		EncryptionContext: encryptionContext,
	})
	if err != nil {
		var apiError smithy.APIError
		if errors.As(err, &apiError) {
			return nil, translateKMSFailure("kms:Decrypt", d.keyID, kmsPrincipal, apiError.ErrorCode(), apiError.ErrorMessage())
		}
		return nil, fail(reasonOther, "kms:Decrypt on KMS key "+d.keyID+" failed: "+err.Error())
	}
	return out.Plaintext, nil
}

// client configures the SDK for a lean start inside Lambda: the region and the credentials come
// from the variables Lambda sets (AWS_REGION, AWS_ACCESS_KEY_ID, ...; else the container
// credentials of AWS_CONTAINER_CREDENTIALS_FULL_URI), the endpoint from the SDK's standard settings
// (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_KMS). No shared config or credentials file is read (Lambda
// has none, and looking costs), and the instance metadata service is never asked: Lambda has none,
// and the probe would cost a timeout.
func (d *kmsDecryptor) client(ctx context.Context) (*kms.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithSharedConfigFiles([]string{}),
		config.WithSharedCredentialsFiles([]string{}),
		config.WithEC2IMDSClientEnableState(imds.ClientDisabled))
	if err != nil {
		return nil, fail(reasonOther, "kms:Decrypt on KMS key "+d.keyID+" cannot be configured: "+err.Error())
	}
	return kms.NewFromConfig(cfg), nil
}

// translateKMSFailure is hover-model's KmsFailures.translate: what failed and what to do.
func translateKMSFailure(action, keyID, principal, errorCode, message string) *secretsError {
	detail := ""
	if !javaIsBlank(message) {
		detail = " (KMS: " + message + ")"
	}
	switch errorCode {
	case "AccessDeniedException":
		return fail(reasonAccessDenied, "missing permission "+action+" on KMS key "+keyID+": grant it to "+principal+detail)
	case "DisabledException":
		return fail(reasonKeyUnusable, "KMS key "+keyID+" is disabled: enable it (aws kms enable-key --key-id "+keyID+")"+detail)
	case "KMSInvalidStateException":
		return fail(reasonKeyUnusable, "KMS key "+keyID+" cannot be used in its current state, usually pending deletion: "+
			"cancel the deletion (aws kms cancel-key-deletion --key-id "+keyID+") and enable it"+detail)
	case "NotFoundException":
		return fail(reasonKeyUnusable, "KMS key "+keyID+" does not exist in this account and region"+detail)
	case "InvalidCiphertextException":
		return fail(reasonTampered, "KMS refuses the encrypted data key under this stage's encryption context: the data key "+
			"in the file was altered, or the file belongs to another stage or app"+detail)
	case "IncorrectKeyException":
		return fail(reasonTampered, "the data key in the file was not encrypted under KMS key "+keyID+
			": the file was altered, or it belongs to another stage"+detail)
	default:
		return fail(reasonOther, action+" on KMS key "+keyID+" failed: "+errorCode+detail)
	}
}
