package dev.hover.plugin.deploy;

import dev.hover.model.Names;
import dev.hover.plugin.aws.Functions;

import java.util.ArrayList;
import java.util.Map;

/**
 * Moves {@code live} aliases: what makes a release, whether a deploy moves them forward or a
 * rollback moves them back. Lambda has no transaction over several aliases: the moves run side by
 * side, and a move Lambda refuses fails the whole after the others have ended.
 */
public final class LiveAliases {
    private LiveAliases() {
    }

    /** Points every function's {@code live} alias at the given version (creating the alias when missing). */
    public static void move(Functions functions, Map<String, String> versions) {
        Parallel.map(new ArrayList<>(versions.keySet()), 8, fn -> {
            functions.pointAlias(fn, Names.LIVE_ALIAS, versions.get(fn));
            return null;
        });
    }
}
