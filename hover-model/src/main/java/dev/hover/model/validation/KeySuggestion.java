package dev.hover.model.validation;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known key an unknown one was probably meant to be (a typo, another case, {@code _} for {@code -}). */
public final class KeySuggestion {
    private KeySuggestion() {
    }

    public static Optional<String> closest(String unknown, Collection<String> known) {
        String normalized = normalize(unknown);
        return known.stream()
                .filter(candidate -> distance(normalized, normalize(candidate)) <= allowedDistance(candidate))
                .min(Comparator.comparingInt(candidate -> distance(normalized, normalize(candidate))));
    }

    // short keys need a close match, or every unknown key would "suggest" one
    private static int allowedDistance(String candidate) {
        return Math.max(1, Math.min(3, candidate.length() / 3));
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Edits between two keys: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
