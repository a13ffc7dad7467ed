package com.example;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** A bean the controller, the command and the job share. */
@Singleton
public class Greeter {
    private final String greeting;

    /** GREETING comes from the stage manifest's environment. */
    Greeter(@Value("${GREETING}") String greeting) {
        this.greeting = greeting;
    }

    public String greet(String name) {
        return greeting + ", " + name;
    }
}
