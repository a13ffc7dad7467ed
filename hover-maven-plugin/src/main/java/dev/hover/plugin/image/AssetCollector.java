package dev.hover.plugin.image;

import dev.hover.model.Assets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the stage's asset build command ({@code assets.build-command}, through {@code sh -c} in the
 * project directory, with {@code ASSET_URL} set to where the build's assets will be served) and
 * copies {@code assets.directory} to the build directory, from where deploy uploads them.
 */
public final class AssetCollector {
    private final BuildLog log;

    public AssetCollector(BuildLog log) {
        this.log = log;
    }

    /**
     * @param target       where the assets are collected; emptied first
     * @param assetUrl     {@code ASSET_URL} for the command
     * @param manifestFile names the stage manifest in messages
     * @return how many files were collected
     */
    public int collect(Assets assets, Path projectDirectory, Path target, String assetUrl, Path manifestFile) {
        deleteRecursively(target);
        assets.buildCommand().ifPresent(command -> run(command, projectDirectory, assetUrl, manifestFile));
        if (assets.directory().isEmpty()) {
            return 0;
        }
        Path source = projectDirectory.resolve(assets.directory().get()).normalize();
        if (!Files.isDirectory(source)) {
            throw new ImageBuildException("assets.directory '" + assets.directory().get() + "' in " + manifestFile
                    + " is not a directory (" + source + ")" + assets.buildCommand()
                    .map(c -> "; perhaps you should check that assets.build-command writes it").orElse(
                            "; perhaps you should check the path, relative to " + projectDirectory));
        }
        return copyTree(source, target);
    }

    private void run(String command, Path projectDirectory, String assetUrl, Path manifestFile) {
        log.info("Building assets: " + command);
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                .directory(projectDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().put("ASSET_URL", assetUrl);
        int exit;
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                output.lines().forEach(line -> log.info("  " + line));
            }
            exit = process.waitFor();
        } catch (IOException e) {
            throw new ImageBuildException("Cannot run assets.build-command of " + manifestFile + " ("
                    + e.getMessage() + "); perhaps you should check that sh is installed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Interrupted while running assets.build-command", e);
        }
        if (exit != 0) {
            throw new ImageBuildException("assets.build-command '" + command + "' of " + manifestFile
                    + " exited with " + exit + "; perhaps you should run it yourself in " + projectDirectory
                    + " and fix what its output above says");
        }
    }

    private static int copyTree(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.createDirectories(target);
            return files.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the assets from " + source + " to " + target, e);
        }
    }

    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + directory, e);
        }
    }
}
