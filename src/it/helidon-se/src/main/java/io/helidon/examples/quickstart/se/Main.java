package io.helidon.examples.quickstart.se;

import dev.hover.runtime.api.Commands;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;

/**
 * The application's main class, as the quickstart has it, plus the command of the framework
 * checks, registered with Hover's plain API (Helidon SE has no dependency injection).
 */
public class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // load logging configuration
        LogConfig.configureRuntime();

        // initialize global config from default configuration
        Config config = Config.create();
        Config.global(config);

        Greeter greeter = new Greeter(config);
        Commands.register("greet", "Greets whoever is named", context -> {
            context.out().println(greeter.greet(String.join(" ", context.args())));
            return 0;
        });

        WebServer server = WebServer.builder()
                .config(config.get("server"))
                .routing(routing -> routing(routing, greeter))
                .build()
                .start();

        System.out.println("WEB server is up! http://localhost:" + server.port() + "/simple-greet");
    }

    /** Updates HTTP Routing. */
    static void routing(HttpRouting.Builder routing, Greeter greeter) {
        routing.register("/", new DemoService(greeter))
                .get("/simple-greet", (req, res) -> res.send("Hello World!"));
    }
}
