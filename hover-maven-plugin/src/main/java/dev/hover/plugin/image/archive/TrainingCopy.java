package dev.hover.plugin.image.archive;

import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import dev.hover.plugin.image.AssetCollector;
import dev.hover.plugin.image.ImageLayout;
import dev.hover.plugin.image.ImageSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * The image's {@code /var/task} as the training run sees it: every file of the layers at its
 * place below a directory of the build host, dated as Jib dates the files of an image. The JVM
 * validates an archive's jars by their size and modification time, so the training's jars must
 * carry the times they will have in the image.
 */
final class TrainingCopy {
    private static final FileTime IMAGE_FILE_TIME = FileTime.from(FileEntriesLayer.DEFAULT_MODIFICATION_TIME);

    private TrainingCopy() {
    }

    /** @return the copy's task root */
    static Path make(List<ImageSpec.Layer> layers, Path directory) throws IOException {
        AssetCollector.deleteRecursively(directory);
        for (ImageSpec.Layer layer : layers) {
            for (ImageSpec.Entry entry : layer.entries()) {
                if (!entry.target().startsWith(ImageLayout.TASK_ROOT + "/")) {
                    continue;
                }
                Path copy = directory.resolve(entry.target().substring(ImageLayout.TASK_ROOT.length() + 1));
                Files.createDirectories(copy.getParent());
                Files.copy(Path.of(entry.source()), copy, StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(copy, IMAGE_FILE_TIME);
            }
        }
        return directory;
    }
}
