package dev.hover.plugin.rollback;

import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What the tests of the goals that read a stage's releases share: moto, a fresh account for each test,
 * and the stage {@code staging} of {@link MotoReleases} in the test's own project; each test deploys the
 * builds it needs.
 */
public abstract class ReleasedStageTest {
    public static final String B1 = "20261126T100000Z-aaaaaa";
    public static final String B2 = "20261126T110000Z-bbbbbb";
    public static final String B3 = "20261126T120000Z-cccccc";
    public static final String B4 = "20261126T130000Z-dddddd";
    public static final String B5 = "20261126T140000Z-eeeeee";
    public static final String B6 = "20261126T150000Z-ffffff";
    private static MotoServer moto;

    @TempDir
    protected Path project;

    protected MotoReleases stage;

    @BeforeAll
    protected static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
    }

    @BeforeEach
    protected void freshStage() throws Exception {
        moto.reset();
        stage = new MotoReleases(project);
    }

    @AfterEach
    protected void closeClient() {
        stage.close();
    }
}
