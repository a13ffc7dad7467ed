package dev.hover.plugin.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.aws.InvokeResult;

/**
 * Warms the new http version before it goes live, with the warmer event the runtime answers
 * (docs/architecture.md): a version that cannot start fails here, while live still serves.
 */
final class WarmStep {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Functions functions;

    WarmStep(Functions functions) {
        this.functions = functions;
    }

    Steps.Outcome<Void> run(StageManifest manifest, String httpFunction, String version) {
        int containers = manifest.http().warm();
        if (containers <= 0) {
            return Steps.Outcome.of(null, "skipped (http.warm is 0)");
        }
        String event = JSON.createObjectNode().put("warmer", true).put("concurrency", containers).toString();
        InvokeResult result = functions.invoke(httpFunction, version, event);
        if (result.functionError().isPresent()) {
            throw new DeployException("The new http version " + version + " failed to start: " + result.payload()
                    + ". Nothing was released: live still points at the previous versions. The function's log group "
                    + "/aws/lambda/" + httpFunction + " has the details (mvn hover:logs).");
        }
        return Steps.Outcome.of(null, containers + " container(s) of version " + version);
    }
}
