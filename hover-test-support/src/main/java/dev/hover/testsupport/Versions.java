package dev.hover.testsupport;

/** Compares dotted version numbers such as {@code 5.2.10} and {@code 5.2.2}. */
final class Versions {

    private Versions() {
    }

    static boolean atLeast(String version, String minimum) {
        String[] have = version.split("\\.");
        String[] want = minimum.split("\\.");
        for (int i = 0; i < want.length; i++) {
            int part = i < have.length ? leadingNumber(have[i]) : 0;
            int wanted = Integer.parseInt(want[i]);
            if (part != wanted) {
                return part > wanted;
            }
        }
        return true;
    }

    /** {@code 2} for {@code 2rc1}, {@code 0} for {@code dev0}. */
    private static int leadingNumber(String part) {
        int end = 0;
        while (end < part.length() && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(part.substring(0, end));
    }
}
