package dev.hover.model.packaged;

import java.util.Map;

/** POSIX shell quoting: between single quotes nothing is special except the quote itself. */
public final class ShellQuoting {
    private ShellQuoting() {
    }

    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /**
     * One {@code export NAME='value'} line per variable, for {@code eval}; the names must be shell
     * names (letters, digits and {@code _}, not starting with a digit), as the secrets format's are.
     */
    public static String exports(Map<String, String> variables) {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (!variable.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("Not a shell variable name: " + variable.getKey());
            }
            lines.append("export ").append(variable.getKey()).append('=').append(quote(variable.getValue())).append('\n');
        }
        return lines.toString();
    }
}
