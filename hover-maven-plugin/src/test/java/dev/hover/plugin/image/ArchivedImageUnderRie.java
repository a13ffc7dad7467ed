package dev.hover.plugin.image;

import dev.hover.model.packaged.LaunchCommand;
import dev.hover.testsupport.EmulatedFunction;
import dev.hover.testsupport.LocalAws;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A built image with a class-data archive, unpacked and its entry point started under AWS's Runtime
 * Interface Emulator with the image's own JVM, from its unpacked task root, the archive's option
 * naming it there: what {@link ClassDataArchiveTest} and {@link AotCacheTest} run.
 */
final class ArchivedImageUnderRie {
    /** An API Gateway HTTP API event for {@code GET /hello}. */
    static final String EVENT = """
            {"version": "2.0", "routeKey": "$default", "rawPath": "/hello", "rawQueryString": "",
             "headers": {"host": "example.com"},
             "requestContext": {"http": {"method": "GET", "path": "/hello", "protocol": "HTTP/1.1",
                                          "sourceIp": "127.0.0.1", "userAgent": "test"},
               "requestId": "request-1", "routeKey": "$default", "stage": "$default", "timeEpoch": 1795716000000},
             "isBase64Encoded": false}
            """;

    private ArchivedImageUnderRie() {
    }

    /**
     * The JVM command the launcher execs (the launcher needs KMS: the function is given the secret
     * itself), with the JVM's class loading log.
     *
     * @param root          where the image's layers are unpacked; its task root is {@code root/var/task}
     * @param archiveOption the entry point's option that names the archive in the image
     */
    static EmulatedFunction start(BuildDescriptor build, Path layout, Path root, String archiveOption) throws Exception {
        List<String> jvm = LaunchCommand.jvmPart(build.image().entrypoint());
        OciLayout.unpackTar(Path.of(build.output().location()), layout).unpackLayers(root);
        Path taskRoot = root.resolve("var/task");
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", taskRoot.toString()));
        command.add(root.resolve(TestImages.JAVA.substring(1)).toString());
        command.addAll(jvm.subList(1, jvm.size()));
        command.set(command.indexOf(archiveOption), archiveOption.replace(ImageLayout.TASK_ROOT, taskRoot.toString()));
        return LocalAws.rie().start(command, Map.of(
                "LAMBDA_TASK_ROOT", taskRoot.toString(),
                "HOVER_FUNCTION_TYPE", "http",
                "HOVER_SECRETS", "API_KEY",
                "API_KEY", "decrypted-by-the-launcher",
                "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info",
                "AWS_LAMBDA_FUNCTION_TIMEOUT", "30"));
    }
}
