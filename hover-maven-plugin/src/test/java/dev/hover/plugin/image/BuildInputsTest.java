package dev.hover.plugin.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BuildInputsTest {
    @TempDir
    Path dir;

    private final BuildInputs built = inputs(Map.of("format", "3", "target/classes/a.properties", "aa",
            "library com.example:lib", "1.0 11"));

    @Test
    void theSameInputsHaveTheSameFingerprintAndNoChange() {
        BuildInputs again = inputs(new LinkedHashMap<>(built.inputs()));

        assertThat(again.fingerprint()).isEqualTo(built.fingerprint()).hasSize(64);
        assertThat(again.changeSince(built, "b1")).isEmpty();
    }

    @Test
    void namesTheFirstInputThatChangedAppearedOrWentAway() {
        Map<String, String> changed = new LinkedHashMap<>(built.inputs());
        changed.put("target/classes/a.properties", "ab");
        Map<String, String> added = new LinkedHashMap<>(built.inputs());
        added.put("target/classes/b.properties", "bb");
        Map<String, String> removed = new LinkedHashMap<>(built.inputs());
        removed.remove("library com.example:lib");

        assertThat(inputs(changed).changeSince(built, "b1")).contains("target/classes/a.properties changed since build b1");
        assertThat(inputs(changed).fingerprint()).isNotEqualTo(built.fingerprint());
        assertThat(inputs(added).changeSince(built, "b1")).contains("target/classes/b.properties is new since build b1");
        assertThat(inputs(removed).changeSince(built, "b1")).contains("library com.example:lib is gone since build b1");
    }

    @Test
    void readsBackWhatItWrote() {
        Path file = dir.resolve("inputs.tsv");
        BuildInputs notReusable = new BuildInputs(built.inputs(), false);
        notReusable.write(file);

        assertThat(BuildInputs.read(file)).contains(notReusable);
        assertThat(BuildInputs.read(dir.resolve("none.tsv"))).isEmpty();
    }

    private static BuildInputs inputs(Map<String, String> inputs) {
        return new BuildInputs(new LinkedHashMap<>(inputs), true);
    }
}
