package io.helidon.examples.quickstart.se;

import io.helidon.config.Config;

/** What the routes, the command and the job say; GREETING comes from the stage manifest's environment. */
public class Greeter {
    private final String greeting;

    public Greeter(Config config) {
        this.greeting = config.get("GREETING").asString().orElse("Hello");
    }

    public String greet(String name) {
        return greeting + ", " + name;
    }
}
