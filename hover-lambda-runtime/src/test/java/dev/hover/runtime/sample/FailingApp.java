package dev.hover.runtime.sample;

/** An application whose start fails, as one whose database is unreachable does. */
public final class FailingApp {
    private FailingApp() {
    }

    public static void main(String[] args) {
        throw new IllegalStateException("database unreachable at db.internal:5432");
    }
}
