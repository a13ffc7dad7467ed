package dev.hover.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.HttpFunction;
import dev.hover.model.Names;
import dev.hover.model.StageManifest;

/**
 * The CloudFront distribution in front of the stage: the HTTP API by default, the assets bucket
 * under {@code /assets/*}, and the custom domains with their certificate; a viewer-request
 * function and an origin header tell the runtime the viewer's host.
 */
final class DistributionResources {
    static final String DISTRIBUTION_ID = "Distribution";
    static final String ORIGIN_ACCESS_CONTROL_ID = "AssetsOriginAccessControl";
    static final String BUCKET_POLICY_ID = "AssetsBucketPolicy";
    static final String ASSETS_PATH_PATTERN = "/assets/*";

    // AWS's managed policies, by the ids CloudFormation takes
    /** Managed-CachingDisabled: dynamic responses are never cached. */
    static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /** Managed-CachingOptimized: assets are immutable per build, their path carries the build id. */
    static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    /** Managed-AllViewerExceptHostHeader: everything but Host, which API Gateway needs to be its own. */
    static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    static final String VIEWER_HOST_FUNCTION_ID = "ViewerHostFunction";
    /** Copies the viewer's Host, which the origin request policy leaves out, into a header the runtime reads. */
    static final String VIEWER_HOST_FUNCTION_CODE = """
            function handler(event) {
              var request = event.request;
              var host = request.headers.host;
              request.headers['%s'] = { value: host ? host.value : '' };
              return request;
            }
            """.formatted(ViewerHeaders.VIEWER_HOST);

    private static final String API_ORIGIN = "api";
    private static final String ASSETS_ORIGIN = "assets";

    private DistributionResources() {
    }

    static void add(Resources resources, StageManifest manifest) {
        Names names = Names.of(manifest);
        ObjectNode accessControl = Cfn.object();
        accessControl.putObject("OriginAccessControlConfig")
                .put("Name", names.assetsBucket())
                .put("Description", "CloudFront reads the assets of Hover stage " + manifest.name())
                .put("OriginAccessControlOriginType", "s3")
                .put("SigningBehavior", "always")
                .put("SigningProtocol", "sigv4");
        resources.add(ORIGIN_ACCESS_CONTROL_ID, "AWS::CloudFront::OriginAccessControl", accessControl);

        ObjectNode function = Cfn.object()
                .put("Name", names.viewerHostFunction())
                .put("AutoPublish", true)
                .put("FunctionCode", VIEWER_HOST_FUNCTION_CODE);
        function.putObject("FunctionConfig")
                .put("Comment", "Hover stage " + manifest.name() + ": the viewer's host for the application")
                .put("Runtime", "cloudfront-js-2.0");
        resources.add(VIEWER_HOST_FUNCTION_ID, "AWS::CloudFront::Function", function);

        ObjectNode config = Cfn.object()
                .put("Comment", "Hover stage " + manifest.name())
                .put("Enabled", true)
                .put("HttpVersion", "http2and3")
                .put("IPV6Enabled", true);
        HttpFunction http = manifest.http();
        if (!http.domains().isEmpty()) {
            config.set("Aliases", Cfn.array(http.domains()));
        }
        config.set("Origins", Cfn.array(apiOrigin(), assetsOrigin(names)));
        config.set("DefaultCacheBehavior", apiBehaviour());
        config.set("CacheBehaviors", Cfn.array(assetsBehaviour()));
        config.set("ViewerCertificate", viewerCertificate(http));
        ObjectNode distribution = Cfn.object();
        distribution.set("DistributionConfig", config);
        resources.add(DISTRIBUTION_ID, "AWS::CloudFront::Distribution", distribution);

        resources.add(BUCKET_POLICY_ID, "AWS::S3::BucketPolicy", bucketPolicy(names));
    }

    private static ObjectNode apiOrigin() {
        ObjectNode origin = Cfn.object().put("Id", API_ORIGIN);
        origin.set("DomainName", HttpApiResources.apiHost());
        origin.putObject("CustomOriginConfig")
                .put("OriginProtocolPolicy", "https-only")
                .put("HTTPSPort", 443)
                .set("OriginSSLProtocols", Cfn.array("TLSv1.2"));
        // the runtime believes the viewer host header only beside this one; its value is the stack's
        // id, which a client outside the account does not know and which stays for the stack's life
        ObjectNode verify = Cfn.object().put("HeaderName", ViewerHeaders.ORIGIN_VERIFY);
        verify.set("HeaderValue", Cfn.ref("AWS::StackId"));
        origin.set("OriginCustomHeaders", Cfn.array(verify));
        return origin;
    }

    private static ObjectNode assetsOrigin(Names names) {
        ObjectNode origin = Cfn.object().put("Id", ASSETS_ORIGIN);
        // the bucket is made before the stack, so its regional domain is spelled out rather than read
        origin.set("DomainName", Cfn.sub(names.assetsBucket() + ".s3.${AWS::Region}.${AWS::URLSuffix}"));
        origin.putObject("S3OriginConfig").put("OriginAccessIdentity", "");
        origin.set("OriginAccessControlId", Cfn.getAtt(ORIGIN_ACCESS_CONTROL_ID, "Id"));
        return origin;
    }

    private static ObjectNode apiBehaviour() {
        ObjectNode behaviour = Cfn.object().put("TargetOriginId", API_ORIGIN)
                .put("ViewerProtocolPolicy", "redirect-to-https");
        behaviour.set("AllowedMethods", Cfn.array("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"));
        behaviour.set("CachedMethods", Cfn.array("GET", "HEAD"));
        behaviour.put("CachePolicyId", CACHING_DISABLED);
        behaviour.put("OriginRequestPolicyId", ALL_VIEWER_EXCEPT_HOST_HEADER);
        behaviour.put("Compress", true);
        ObjectNode viewerHost = Cfn.object().put("EventType", "viewer-request");
        viewerHost.set("FunctionARN", Cfn.getAtt(VIEWER_HOST_FUNCTION_ID, "FunctionARN"));
        behaviour.set("FunctionAssociations", Cfn.array(viewerHost));
        return behaviour;
    }

    private static ObjectNode assetsBehaviour() {
        ObjectNode behaviour = Cfn.object().put("PathPattern", ASSETS_PATH_PATTERN)
                .put("TargetOriginId", ASSETS_ORIGIN)
                .put("ViewerProtocolPolicy", "redirect-to-https");
        behaviour.set("AllowedMethods", Cfn.array("GET", "HEAD"));
        behaviour.set("CachedMethods", Cfn.array("GET", "HEAD"));
        behaviour.put("CachePolicyId", CACHING_OPTIMIZED);
        behaviour.put("Compress", true);
        return behaviour;
    }

    private static ObjectNode viewerCertificate(HttpFunction http) {
        ObjectNode certificate = Cfn.object();
        if (http.certificate().isPresent()) {
            certificate.put("AcmCertificateArn", http.certificate().get())
                    .put("SslSupportMethod", "sni-only")
                    .put("MinimumProtocolVersion", "TLSv1.2_2021");
        } else {
            certificate.put("CloudFrontDefaultCertificate", true);
        }
        return certificate;
    }

    /** Lets this distribution, and only it, read the assets: the bucket stays private. */
    private static ObjectNode bucketPolicy(Names names) {
        ObjectNode statement = Cfn.object()
                .put("Sid", "CloudFrontReadsAssets")
                .put("Effect", "Allow");
        statement.putObject("Principal").put("Service", "cloudfront.amazonaws.com");
        statement.put("Action", "s3:GetObject");
        statement.set("Resource", Cfn.sub("arn:${AWS::Partition}:s3:::" + names.assetsBucket()
                + ASSETS_PATH_PATTERN));
        statement.putObject("Condition").putObject("StringEquals").set("AWS:SourceArn",
                Cfn.sub("arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${" + DISTRIBUTION_ID + "}"));
        ObjectNode policy = Cfn.object().put("Bucket", names.assetsBucket());
        policy.set("PolicyDocument", Cfn.policyDocument(Cfn.array(statement)));
        return policy;
    }
}
