package dev.hover.plugin.purge;

import dev.hover.model.Names;
import dev.hover.plugin.rollback.BuildHistory;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which builds a purge keeps and what it removes of the others, from a release record written here. */
class PurgePlanTest {
    private static final String B1 = "20261126T100000Z-aaaaaa";
    private static final String B2 = "20261126T110000Z-bbbbbb";
    private static final String B3 = "20261126T120000Z-cccccc";
    private static final String B4 = "20261126T130000Z-dddddd";
    private static final String B5 = "20261126T140000Z-eeeeee";
    private static final Names NAMES = new Names("shop-dev");
    private static final String HTTP = NAMES.httpFunction();
    private static final String CLI = NAMES.cliFunction();

    /** @param builds one build per version, versions numbered from 1 */
    private static Map<String, String> versions(String... builds) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (int i = 0; i < builds.length; i++) {
            descriptions.put(String.valueOf(i + 1), "hover build " + builds[i]);
        }
        return descriptions;
    }

    /** The release record of http and cli, in the stage's function order as BuildHistory reads it. */
    private static Map<String, Map<String, String>> record(Map<String, String> http, Map<String, String> cli) {
        Map<String, Map<String, String>> record = new LinkedHashMap<>();
        record.put(HTTP, http);
        record.put(CLI, cli);
        return record;
    }

    private static PurgePlan plan(Map<String, Map<String, String>> record, Map<String, String> live, String liveBuild,
                                  Optional<String> stackBuild, Set<String> tags, Set<String> assets, int keep) {
        return PurgePlan.of(BuildHistory.of(record), live, liveBuild, stackBuild, tags, assets, keep, NAMES);
    }

    @Test
    void keepsTheLiveBuildTheOneBeforeItTheStacksAndKeepMoreAndListsTheRestsPartsOldestFirst() {
        Map<String, Map<String, String>> record = record(versions(B1, B2, B3, B4, B5), versions(B1, B2, B3, B4, B5));

        PurgePlan plan = plan(record, Map.of(HTTP, "4", CLI, "4"), B4, Optional.of(B5), Set.of(B1, B2, B3, B4, B5),
                Set.of(B2, B3, B4, B5), 1);

        assertThat(plan.kept()).containsExactly(
                Map.entry(B5, "the stack shop-dev was last deployed with it: its functions' unpublished code and a stack rollback use its image"),
                Map.entry(B4, "live"),
                Map.entry(B3, "the one before the live build: hover:rollback goes back to it"),
                Map.entry(B2, "one of the 1 newest others (hover.keep)"));
        assertThat(plan.old()).containsExactly(new PurgePlan.OldBuild(B1, List.of("shop-dev-http:1", "shop-dev-cli:1"), B1, ""));
    }

    @Test
    void aBuildWhoseVersionAKeptBuildReleasesIsKeptAndSoIsTheOneThatVersionNeeds() {
        // cli changed last at B2: B3, B4 and B5 released its version 2
        Map<String, Map<String, String>> record = record(versions(B1, B2, B3, B4, B5), versions(B1, B2));

        PurgePlan plan = plan(record, Map.of(HTTP, "5", CLI, "2"), B5, Optional.empty(), Set.of(), Set.of(), 0);

        assertThat(plan.kept()).containsOnlyKeys(B5, B4, B2)
                .containsEntry(B2, "its version 2 of shop-dev-cli is still released by a kept build");
        assertThat(plan.old()).extracting(PurgePlan.OldBuild::build).containsExactly(B1, B3);
    }

    @Test
    void aBuildNeverReleasedStaysWhenNewerThanTheLiveOneAndGoesWhenOlder() {
        Map<String, Map<String, String>> record = record(versions(B2, B3), versions(B2, B3));

        PurgePlan plan = plan(record, Map.of(HTTP, "2", CLI, "2"), B3, Optional.empty(), Set.of(B1, B4), Set.of(B1, B4), 0);

        assertThat(plan.kept()).containsEntry(B4, "never released and newer than the live build: a deploy of it did not finish");
        assertThat(plan.old()).containsExactly(new PurgePlan.OldBuild(B1, List.of(), B1, "assets/" + B1 + "/"));
    }
}
