package dev.hover.plugin.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseRecordTest {
    private static final String FINGERPRINT = "0123456789abcdef".repeat(4);

    @Test
    void aVersionDescriptionCarriesTheBuildIdAndTheFingerprintOfItsInputsWithinLambdasLimit() {
        String description = ReleaseRecord.versionDescription("20261126T174500Z-3f9a2c", FINGERPRINT);

        assertThat(description).isEqualTo("hover build 20261126T174500Z-3f9a2c inputs " + FINGERPRINT).hasSizeLessThanOrEqualTo(256);
        assertThat(ReleaseRecord.buildId(description)).contains("20261126T174500Z-3f9a2c");
        assertThat(ReleaseRecord.inputsFingerprint(description)).contains(FINGERPRINT);
    }

    @Test
    void aBuildThatCannotBeRepeatedAndAnEarlierDeploysRecordHaveNoFingerprint() {
        String description = ReleaseRecord.versionDescription("b1", null);

        assertThat(description).isEqualTo("hover build b1");
        assertThat(ReleaseRecord.buildId(description)).contains("b1");
        assertThat(ReleaseRecord.inputsFingerprint(description)).isEmpty();
        assertThat(ReleaseRecord.inputsFingerprint("hover build b1 inputs not-a-sha")).isEmpty();
        assertThat(ReleaseRecord.inputsFingerprint("hover build b1 inputs " + FINGERPRINT + "0")).isEmpty();
    }

    @Test
    void versionsNotPublishedByADeployHaveNoBuild() {
        assertThat(ReleaseRecord.buildId("")).isEmpty();
        assertThat(ReleaseRecord.buildId(null)).isEmpty();
        assertThat(ReleaseRecord.buildId("published by hand")).isEmpty();
        assertThat(ReleaseRecord.inputsFingerprint(null)).isEmpty();
    }
}
