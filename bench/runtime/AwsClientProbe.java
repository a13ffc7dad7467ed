import dev.hover.model.packaged.PackagedManifestCodec;
import dev.hover.runtime.aws.AwsClients;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One cold measurement for {@code RuntimeBench awsclient}, in a JVM of its own, of what the runtime
 * does at cold start when the image holds secrets: read the packaged manifest, build a KMS client,
 * decrypt one data key. Variants: {@code default} builds the client with the SDK's default
 * chains, {@code lean} with the runtime's {@link AwsClients}, {@code overlap} like {@code lean} but
 * on a thread started before the manifest is read. Prints
 * {@code <manifest ns> <build ns> <decrypt ns> <process CPU ns>}, where build is the wait for the
 * client after the manifest was read. The environment gives the region, the credentials, the
 * endpoint (moto), {@code BENCH_KEY}, {@code BENCH_BLOB} (base64) and {@code BENCH_MANIFEST}.
 */
public final class AwsClientProbe {
    public static void main(String[] args) throws Exception {
        String variant = args[0];
        byte[] blob = Base64.getDecoder().decode(System.getenv("BENCH_BLOB"));
        long start = System.nanoTime();
        CompletableFuture<KmsClient> early = new CompletableFuture<>();
        if (variant.equals("overlap")) {
            Thread builder = new Thread(() -> early.complete(leanClient()));
            builder.setDaemon(true);
            builder.start();
        }
        PackagedManifestCodec.read(Path.of(System.getenv("BENCH_MANIFEST")));
        long manifestRead = System.nanoTime();
        KmsClient kms = switch (variant) {
            case "default" -> KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
            case "lean" -> leanClient();
            case "overlap" -> early.get();
            default -> throw new IllegalArgumentException("variants: default, lean, overlap");
        };
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
        System.out.println((manifestRead - start) + " " + (built - manifestRead) + " " + (decrypted - built) + " " + cpu);
    }

    private static KmsClient leanClient() {
        return AwsClients.fromProcessEnvironment().configure(KmsClient.builder()).build();
    }
}
