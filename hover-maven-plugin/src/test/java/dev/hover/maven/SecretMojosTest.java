package dev.hover.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import dev.hover.testsupport.LocalAws;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two goals as Maven runs them, against moto's KMS: everything they print (their Maven log
 * goes to the console here, as {@code AbstractMojo}'s default log does) is captured and must hold
 * no secret value.
 */
@MojoTest
class SecretMojosTest {
    private static final String PASSWORD = "s3cr3t-Pa55word";
    private static final String TOKEN = "tok_live_5f2a9c7e";
    private static final String PEM_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSj";
    private static final String PLAIN = "# production database\nexport DB_PASSWORD=\"" + PASSWORD + "\"\nAPI_TOKEN='" + TOKEN + "'\n"
            + "TLS_KEY=\"-----BEGIN PRIVATE KEY-----\n" + PEM_BODY + "\n-----END PRIVATE KEY-----\"\n";
    private static final List<String> VALUES = List.of(PASSWORD, TOKEN, PEM_BODY);

    @Inject
    MavenSession session;

    @TempDir
    Path project;

    @BeforeAll
    static void startMoto() {
        LocalAws.moto().applyToSystemProperties();
    }

    private void writeStage(String stage) throws Exception {
        Files.createDirectories(project.resolve(".hover"));
        Files.writeString(project.resolve(".hover/" + stage + ".yml"),
                "name: shop" + UUID.randomUUID().toString().substring(0, 8) + "-" + stage + "\nregion: us-east-1\n");
    }

    private <M extends SecretGoalMojo> M configure(M mojo, String stage) {
        session.getUserProperties().setProperty("hover.stage", stage);
        return MojoProjects.in(project, mojo);
    }

    /** Runs {@code goal} with System.out and System.err captured; @return everything printed */
    private static String captured(ThrowingRunnable goal) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            goal.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void encryptThenDecryptRoundTripsAndPrintsNoValue(
            @InjectMojo(goal = "secret-encrypt", pom = ParameterWiringTest.PLAIN) SecretEncryptMojo encrypt,
            @InjectMojo(goal = "secret-decrypt", pom = ParameterWiringTest.PLAIN) SecretDecryptMojo decrypt) throws Exception {
        writeStage("staging");
        Files.writeString(project.resolve(".hover/staging-secrets.plain.env"), PLAIN);

        String encrypting = captured(() -> configure(encrypt, "staging").execute());
        String decrypting = captured(() -> configure(decrypt, "staging").execute());

        assertThat(encrypting).contains("[info] Encrypted 3 secrets (DB_PASSWORD, API_TOKEN, TLS_KEY) of stage staging",
                "Created KMS key arn:aws:kms:us-east-1:");
        assertThat(decrypting).contains("[info] Decrypted 3 secrets (DB_PASSWORD, API_TOKEN, TLS_KEY) of stage staging");
        assertThat(encrypting + decrypting).doesNotContain(VALUES);
        assertThat(Files.readString(project.resolve(".hover/staging-secrets.plain.env"))).isEqualTo(PLAIN);
        assertThat(Files.readString(project.resolve(".hover/staging-secrets.env"))).doesNotContain(VALUES);
    }

    @Test
    void aFailureIsAMojoFailureThatPrintsNoValue(
            @InjectMojo(goal = "secret-encrypt", pom = ParameterWiringTest.PLAIN) SecretEncryptMojo encrypt,
            @InjectMojo(goal = "secret-decrypt", pom = ParameterWiringTest.PLAIN) SecretDecryptMojo decrypt) throws Exception {
        writeStage("staging");
        Files.writeString(project.resolve(".hover/staging-secrets.plain.env"), PLAIN);
        captured(() -> configure(encrypt, "staging").execute());
        Path encrypted = project.resolve(".hover/staging-secrets.env");
        String text = Files.readString(encrypted);
        int at = text.indexOf("\n  ", text.indexOf("sealed:")) + 7;
        Files.writeString(encrypted, text.substring(0, at) + (text.charAt(at) == 'Q' ? 'R' : 'Q') + text.substring(at + 1));

        String printed = captured(() -> assertThatThrownBy(() -> configure(decrypt, "staging").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("fails its integrity check")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(VALUES)));

        assertThat(printed).doesNotContain(VALUES);
        assertThat(project.resolve(".hover/staging-secrets.plain.env")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "secret-encrypt", pom = ParameterWiringTest.PLAIN)
    void aStageWithoutManifestSaysHowToCreateIt(SecretEncryptMojo encrypt) {
        assertThatThrownBy(() -> configure(encrypt, "qa").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("there is no stage 'qa': .hover/qa.yml does not exist; create it with mvn hover:stage-new -Dhover.stage=qa");
    }
}
