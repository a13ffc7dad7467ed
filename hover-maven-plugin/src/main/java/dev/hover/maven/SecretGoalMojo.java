package dev.hover.maven;

import dev.hover.plugin.secrets.SecretsGoal;
import dev.hover.plugin.stage.StageSession;

import java.io.IOException;

/** What {@code hover:secret-encrypt} and {@code hover:secret-decrypt} share: the stage's secrets, its key. */
abstract class SecretGoalMojo extends HoverMojo {
    /** What the goal does with the stage's secrets. */
    abstract SecretsGoal.Action action();

    @Override
    StageUse stageUse() {
        return StageUse.EXISTING;
    }

    @Override
    void run() throws IOException {
        try (StageSession session = openStage()) {
            new SecretsGoal(projectDirectory(), progress()::plain).run(session, action());
        }
    }
}
