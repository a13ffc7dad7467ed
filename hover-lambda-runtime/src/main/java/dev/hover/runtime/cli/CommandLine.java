package dev.hover.runtime.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does, without expansions: whitespace
 * separates words; {@code '…'} keeps everything literally; {@code "…"} keeps everything but lets a
 * backslash escape {@code "}, {@code \}, {@code $} and {@code `}; outside quotes a backslash escapes
 * any character. Quoted and unquoted parts next to each other form one word
 * ({@code --name="a b"} is {@code --name=a b}); {@code ""} is an empty word.
 */
public final class CommandLine {
    private final String line;
    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;
    private int pos;

    private CommandLine(String line) {
        this.line = line;
    }

    /** @throws IllegalArgumentException on an unterminated quote or a trailing backslash, naming the column */
    public static List<String> split(String line) {
        return new CommandLine(line).words();
    }

    private List<String> words() {
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (Character.isWhitespace(c)) {
                endWord();
                pos++;
            } else if (c == '\'') {
                singleQuoted();
            } else if (c == '"') {
                doubleQuoted();
            } else if (c == '\\') {
                if (pos + 1 >= line.length()) {
                    throw new IllegalArgumentException("trailing backslash at column " + (pos + 1) + " escapes nothing");
                }
                append(line.charAt(pos + 1));
                pos += 2;
            } else {
                append(c);
                pos++;
            }
        }
        endWord();
        return List.copyOf(words);
    }

    private void singleQuoted() {
        int close = line.indexOf('\'', pos + 1);
        if (close < 0) {
            throw unterminated("single", pos);
        }
        inWord = true;
        word.append(line, pos + 1, close);
        pos = close + 1;
    }

    private void doubleQuoted() {
        int open = pos;
        inWord = true;
        pos++;
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < line.length() && "\"\\$`".indexOf(line.charAt(pos + 1)) >= 0) {
                word.append(line.charAt(pos + 1));
                pos += 2;
            } else {
                word.append(c);
                pos++;
            }
        }
        throw unterminated("double", open);
    }

    private IllegalArgumentException unterminated(String kind, int open) {
        return new IllegalArgumentException("unterminated " + kind + " quote starting at column " + (open + 1));
    }

    private void append(char c) {
        inWord = true;
        word.append(c);
    }

    private void endWord() {
        if (inWord) {
            words.add(word.toString());
            word.setLength(0);
            inWord = false;
        }
    }
}
