import dev.hover.runtime.aws.AwsClients;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.util.Base64;
import java.util.Map;

/**
 * One cold measurement for {@code RuntimeBench awsclient}, in a JVM of its own: builds a KMS client
 * ({@code default}: the SDK's default chains; {@code lean}: the runtime's {@link AwsClients}) and
 * decrypts one blob, as the runtime does at cold start. Prints
 * {@code <build ns> <decrypt ns> <process CPU ns>}. The environment gives the region, the
 * credentials, the endpoint (moto), {@code BENCH_KEY} and {@code BENCH_BLOB} (base64).
 */
public final class AwsClientProbe {
    public static void main(String[] args) {
        byte[] blob = Base64.getDecoder().decode(System.getenv("BENCH_BLOB"));
        long start = System.nanoTime();
        KmsClient kms = "lean".equals(args[0])
                ? AwsClients.fromProcessEnvironment().configure(KmsClient.builder()).build()
                : KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        long built = System.nanoTime();
        byte[] plain = kms.decrypt(r -> r.keyId(System.getenv("BENCH_KEY"))
                .ciphertextBlob(SdkBytes.fromByteArray(blob))
                .encryptionContext(Map.of("stage", "bench"))).plaintext().asByteArray();
        long decrypted = System.nanoTime();
        kms.close();
        if (plain.length != 32) {
            throw new IllegalStateException("decrypted " + plain.length + " bytes, expected 32");
        }
        long cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
        System.out.println((built - start) + " " + (decrypted - built) + " " + cpu);
    }
}
