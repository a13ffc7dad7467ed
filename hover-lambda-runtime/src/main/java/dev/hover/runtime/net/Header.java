package dev.hover.runtime.net;

/** One header line, as sent: repeated headers are repeated entries. */
public record Header(String name, String value) {
}
