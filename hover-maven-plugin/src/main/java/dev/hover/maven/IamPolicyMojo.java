package dev.hover.maven;

import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.AwsException;
import dev.hover.plugin.aws.Identity;
import dev.hover.plugin.iam.IamPolicies;
import dev.hover.plugin.iam.PolicyDocument;
import dev.hover.plugin.iam.PolicyStage;
import dev.hover.plugin.network.OfflineException;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Prints the least-privilege IAM documents of a stage (docs/iam.md) and writes them to
 * {@code target/hover/[stage]/iam/}: the deploying user's policy, the stack role's and the Lambda
 * role's, with their trust policies, scoped to the stage's names in its region and account.
 */
@Mojo(name = "iam-policy", threadSafe = true)
public class IamPolicyMojo extends HoverMojo {
    static final String ACCOUNT = "hover.account";

    /**
     * The stage's AWS account id. When not given it is the caller's (STS GetCallerIdentity), and when
     * no credentials answer the documents keep the placeholder ${Account}.
     */
    @Parameter(property = ACCOUNT)
    String account;

    @Override
    StageUse stageUse() {
        return StageUse.EXISTING;
    }

    @Override
    void run() throws IOException {
        StageManifest manifest = readManifest();
        Optional<String> accountId = text(ACCOUNT, account).or(this::callerAccount);
        Path directory = Path.of(project.getBuild().getDirectory(), "hover", stage(), "iam");
        Map<PolicyDocument, Path> written = new IamPolicies().write(PolicyStage.of(manifest, accountId), directory);
        for (Map.Entry<PolicyDocument, Path> document : written.entrySet()) {
            progress().plain(projectDirectory().relativize(document.getValue()) + ":");
            Files.readAllLines(document.getValue()).forEach(progress()::plain);
        }
        if (manifest.auth().stackRole().isPresent()) {
            progress().plain("Attach deployer.json to whoever deploys; " + manifest.auth().stackRole().get()
                    + " needs stack-role.json (and stack-role-trust.json)");
        } else {
            progress().plain("The stage has no auth.stack-role: CloudFormation applies the stack with the deploying"
                    + " credentials, so attach both deployer.json and stack-role.json to whoever deploys");
        }
        manifest.auth().lambdaRole().ifPresent(role ->
                progress().plain(role + " needs lambda-role.json (and lambda-role-trust.json)"));
    }

    private Optional<String> callerAccount() {
        try (StageSession session = openStage()) {
            return Optional.of(new Identity(session.clients().sts()).whoAmI().account());
        } catch (AwsException | OfflineException | SdkException | IOException e) {
            progress().warning("The account is not known (" + e.getMessage() + "): the documents say "
                    + IamPolicies.ACCOUNT_PLACEHOLDER + "; -D" + ACCOUNT + "=<id> names it");
            return Optional.empty();
        }
    }
}
