package demo.lib;

/** A library module: no stage of its own. */
public final class Greeting {
    private Greeting() {
    }

    public static String text() {
        return "multi-module demo";
    }
}
