package dev.hover.runtime.sample;

/** An application that starts fine but never listens: the port in the manifest is wrong. */
public final class SilentApp {
    private SilentApp() {
    }

    public static void main(String[] args) {
        // nothing listens
    }
}
