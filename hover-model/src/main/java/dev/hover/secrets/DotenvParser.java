package dev.hover.secrets;

import dev.hover.model.validation.ManifestRules;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the plain secrets file ({@code .hover/<stage>-secrets.plain.env}), dotenv syntax:
 * <ul>
 *   <li>{@code KEY=value}, optionally {@code export KEY=value}; spaces around {@code =} are allowed;</li>
 *   <li>blank lines, and comments: a line starting with {@code #}, or {@code #} after a space
 *       following a value;</li>
 *   <li>unquoted values are taken literally and trimmed;</li>
 *   <li>{@code 'single quotes'} are literal and may span lines;</li>
 *   <li>{@code "double quotes"} may span lines and understand {@code \n \r \t \" \\ \$};</li>
 *   <li>no variable expansion: {@code $} is an ordinary character.</li>
 * </ul>
 * Keys follow the rules of the manifest's {@code environment} (letters, digits, {@code _}; no
 * {@code AWS_}, {@code LAMBDA_}, {@code HOVER_} names), since they reach the application the same way.
 * Keys keep the file's order. A key set twice is an error, as is anything else the syntax does
 * not allow; errors name the source and the line, and never quote the file, since any line may
 * hold a secret.
 */
public final class DotenvParser {
    private final String source;
    private final String text;
    private int pos;
    private int line = 1;

    private DotenvParser(String source, String text) {
        this.source = source;
        this.text = normalize(text);
    }

    /**
     * @param text   the file's content
     * @param source what to call the file in errors, e.g. {@code .hover/staging-secrets.plain.env}
     * @return the variables in file order, unmodifiable
     */
    public static Map<String, String> parse(String text, String source) {
        return new DotenvParser(source, text).entries();
    }

    private static String normalize(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.replace("\r\n", "\n");
    }

    private Map<String, String> entries() {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        while (!atEnd()) {
            skipBlanks();
            if (atEnd()) {
                break;
            }
            if (peek() == '\n' || peek() == '#') {
                skipToNextLine();
                continue;
            }
            int keyLine = line;
            String key = key();
            Integer earlier = lineOfKey.putIfAbsent(key, keyLine);
            if (earlier != null) {
                throw error(keyLine, key + " is already set on line " + earlier);
            }
            values.put(key, value());
            endOfEntry();
        }
        return Collections.unmodifiableMap(values);
    }

    private String key() {
        if (text.startsWith("export", pos) && pos + 6 < text.length() && isBlank(text.charAt(pos + 6))) {
            pos += 6;
            skipBlanks();
        }
        int start = pos;
        while (!atEnd() && isKeyChar(peek())) {
            pos++;
        }
        String key = text.substring(start, pos);
        if (key.isEmpty() || Character.isDigit(key.charAt(0))) {
            throw error(line, "expected KEY=value; a key starts with a letter or '_' and has only letters, digits and '_'");
        }
        skipBlanks();
        if (atEnd() || peek() != '=') {
            // not naming the key: a line without '=' may be a pasted secret
            throw error(line, "expected KEY=value; a key has only letters, digits and '_', and '=' follows it");
        }
        int keyLine = line;
        ManifestRules.ENVIRONMENT_VARIABLE.check(key).ifPresent(problem -> {
            throw error(keyLine, problem);
        });
        pos++;
        skipBlanks();
        return key;
    }

    private String value() {
        if (atEnd()) {
            return "";
        }
        return switch (peek()) {
            case '\'' -> singleQuoted();
            case '"' -> doubleQuoted();
            default -> unquoted();
        };
    }

    private String singleQuoted() {
        int opened = line;
        pos++;
        int start = pos;
        while (!atEnd() && peek() != '\'') {
            advance();
        }
        if (atEnd()) {
            throw error(opened, "the single-quoted value opened here is never closed");
        }
        String value = text.substring(start, pos);
        pos++;
        return value;
    }

    private String doubleQuoted() {
        int opened = line;
        pos++;
        StringBuilder value = new StringBuilder();
        while (!atEnd() && peek() != '"') {
            char c = advance();
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (atEnd()) {
                break;
            }
            int escapeLine = line;
            value.append(switch (advance()) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case '"' -> '"';
                case '\\' -> '\\';
                case '$' -> '$';
                default -> throw error(escapeLine, "unknown escape in a double-quoted value; known escapes are "
                        + "\\n \\r \\t \\\" \\\\ \\$ (use single quotes for a literal backslash)");
            });
        }
        if (atEnd()) {
            throw error(opened, "the double-quoted value opened here is never closed");
        }
        pos++;
        return value.toString();
    }

    private String unquoted() {
        int start = pos;
        while (!atEnd() && peek() != '\n' && !(peek() == '#' && isBlank(text.charAt(pos - 1)))) {
            pos++;
        }
        return text.substring(start, pos).strip();
    }

    /** After a value: only blanks and a comment may follow on its (last) line. */
    private void endOfEntry() {
        skipBlanks();
        if (atEnd()) {
            return;
        }
        if (peek() == '#' && isBlank(text.charAt(pos - 1)) || peek() == '\n') {
            skipToNextLine();
            return;
        }
        throw error(line, "unexpected text after the closing quote; put a comment after a space and '#'");
    }

    private void skipBlanks() {
        while (!atEnd() && isBlank(peek())) {
            pos++;
        }
    }

    private void skipToNextLine() {
        while (!atEnd() && advance() != '\n') {
            // the rest of the line is a comment or the line break itself
        }
    }

    private char advance() {
        char c = text.charAt(pos++);
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private char peek() {
        return text.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isKeyChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }

    private SecretsException error(int atLine, String message) {
        return new SecretsException(SecretsException.Reason.SYNTAX, source + ", line " + atLine + ": " + message);
    }
}
