package org.acme;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A bean the resource, the command and the job share. */
@ApplicationScoped
public class Greeter {
    /** GREETING comes from the stage manifest's environment. */
    @ConfigProperty(name = "GREETING")
    String greeting;

    public String greet(String name) {
        return greeting + ", " + name;
    }
}
