package dev.hover.runtime.queue;

/** A job whose containers kept dying while they held it: it is not run again. */
public final class PoisonJobException extends Exception {
    public PoisonJobException(String message) {
        super(message);
    }
}
