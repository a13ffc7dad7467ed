package dev.hover.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.StageManifest;

/** An API Gateway HTTP API whose {@code $default} route sends every request to the http function's {@code live} alias. */
final class HttpApiResources {
    static final String API_ID = "HttpApi";
    static final String INTEGRATION_ID = "HttpApiIntegration";
    static final String ROUTE_ID = "HttpApiDefaultRoute";
    static final String STAGE_ID = "HttpApiDefaultStage";
    static final String PERMISSION_ID = "HttpApiInvokePermission";

    private HttpApiResources() {
    }

    static void add(Resources resources, StageManifest manifest, StageFunction http) {
        resources.add(API_ID, "AWS::ApiGatewayV2::Api", Cfn.object()
                .put("Name", manifest.name())
                .put("Description", "Hover stage " + manifest.stage())
                .put("ProtocolType", "HTTP"));

        ObjectNode integration = Cfn.object();
        integration.set("ApiId", Cfn.ref(API_ID));
        integration.put("IntegrationType", "AWS_PROXY");
        integration.set("IntegrationUri", http.liveAliasArn());
        integration.put("PayloadFormatVersion", "2.0");
        resources.add(INTEGRATION_ID, "AWS::ApiGatewayV2::Integration", integration);

        ObjectNode route = Cfn.object();
        route.set("ApiId", Cfn.ref(API_ID));
        route.put("RouteKey", "$default");
        route.set("Target", Cfn.sub("integrations/${" + INTEGRATION_ID + "}"));
        resources.add(ROUTE_ID, "AWS::ApiGatewayV2::Route", route);

        ObjectNode stage = Cfn.object();
        stage.set("ApiId", Cfn.ref(API_ID));
        stage.put("StageName", "$default");
        stage.put("AutoDeploy", true);
        resources.add(STAGE_ID, "AWS::ApiGatewayV2::Stage", stage);

        InvokePermission.add(resources, PERMISSION_ID, http, "apigateway.amazonaws.com",
                Cfn.regionalArn("execute-api", "${" + API_ID + "}/*"));
    }

    /** The API's own host name, as CloudFront's origin wants it (no scheme). */
    static ObjectNode apiHost() {
        return Cfn.sub("${" + API_ID + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}");
    }
}
