package dev.hover.runtime.net;

/**
 * What HTTP/1.1 allows in a method, a header name and a header value (RFC 9110 §5.1, §5.5, §9.1),
 * checked with a table lookup per character: these checks run on every request and response.
 */
public final class HttpSyntax {
    /** {@code tchar}: the characters of a token (a method, a header name). */
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private HttpSyntax() {
    }

    /** A non-empty token: a valid method or header name (no space, colon, control or non-ASCII character). */
    public static boolean isToken(String text) {
        int length = text.length();
        if (length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 128 || !TOKEN[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A header value without control characters but the tab: no CR or LF (they would end the
     * header, or the head, early), no NUL (servers cut the value there, or refuse the message).
     * Characters beyond ASCII are allowed (sent as UTF-8, read as ISO-8859-1).
     */
    public static boolean isFieldValue(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** A name or value as a log line may quote it: controls shown as {@code ?}, at most 60 characters. */
    public static String printable(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return "'" + shown.replaceAll("[\\x00-\\x1f\\x7f]", "?") + "'";
    }
}
