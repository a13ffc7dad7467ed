package dev.hover.plugin.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseRecordTest {
    @Test
    void aVersionDescriptionCarriesTheBuildId() {
        String description = ReleaseRecord.versionDescription("20261126T174500Z-3f9a2c");

        assertThat(ReleaseRecord.buildId(description)).contains("20261126T174500Z-3f9a2c");
    }

    @Test
    void versionsNotPublishedByADeployHaveNoBuild() {
        assertThat(ReleaseRecord.buildId("")).isEmpty();
        assertThat(ReleaseRecord.buildId(null)).isEmpty();
        assertThat(ReleaseRecord.buildId("published by hand")).isEmpty();
    }
}
