package demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A bean the controller, the command and the job share. */
@Component
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
