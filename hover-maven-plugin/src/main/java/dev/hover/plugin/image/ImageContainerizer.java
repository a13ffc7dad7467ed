package dev.hover.plugin.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.JibEvent;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.progress.ProgressEventHandler;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import dev.hover.model.Architecture;
import dev.hover.plugin.network.NetworkSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Makes an {@link ImageSpec} into an image with Jib, no Docker daemon: pushed to a registry
 * (blobs the repository already has are not uploaded) or written as an OCI tar. Single platform,
 * single manifest, OCI format, reproducible (Jib fixes file times and the creation time).
 * Maven's settings apply to every registry Jib talks to: its proxies, its {@code <servers>} as
 * credentials, and {@code -o}, under which Jib takes the base image from its cache and pushes nowhere.
 */
public final class ImageContainerizer {
    private static final String CHECKING_BASE_LAYER = "checking base image layer ";

    private final Path applicationLayersCache;
    private final boolean allowInsecureRegistries;
    private final NetworkSettings network;
    private final BuildLog log;

    /**
     * @param applicationLayersCache where Jib keeps the layers it built, so an unchanged layer is
     *                               not rebuilt ({@code target/hover/cache})
     * @param allowInsecureRegistries whether plain HTTP and unverified TLS are acceptable
     *                               ({@code hover.allowInsecureRegistries}), e.g. a registry on localhost
     * @param network                Maven's proxies, servers and offline mode
     */
    public ImageContainerizer(Path applicationLayersCache, boolean allowInsecureRegistries, NetworkSettings network,
                              BuildLog log) {
        this.applicationLayersCache = applicationLayersCache;
        this.allowInsecureRegistries = allowInsecureRegistries;
        this.network = network;
        this.log = log;
    }

    /**
     * @param output  where the image went and what it is
     * @param uploads what the push uploaded (nothing for a tar)
     */
    public record Result(ImageOutput output, UploadTally uploads) {
    }

    /** @param additionalTags more tags for a registry target, e.g. the build id */
    public Result containerize(ImageSpec spec, ImageTarget target, Set<String> additionalTags) {
        if (target instanceof ImageTarget.Registry) {
            network.requireOnline("the image goes to the registry " + target.reference()
                    + " (without hover.image, hover:build writes it as a tar)");
        }
        UploadTally uploads = new UploadTally();
        AtomicBoolean baseImageReached = new AtomicBoolean(spec.baseImage().startsWith(Jib.TAR_IMAGE_PREFIX));
        Consumer<JibEvent> events = event -> {
            uploads.accept(event);
            // Jib checks the base image's layers once it has the base image's manifest and configuration
            if (event instanceof ProgressEvent progress
                    && progress.getAllocation().getDescription().startsWith(CHECKING_BASE_LAYER)) {
                baseImageReached.set(true);
            }
            if (event instanceof LogEvent logEvent) {
                forward(logEvent);
            }
        };
        ImageFailures failures = new ImageFailures(spec, target, allowInsecureRegistries, network.offline());
        try (JibProxyProperties proxies = JibProxyProperties.apply(network.proxies())) {
            Containerizer containerizer = containerizer(target, events)
                    .setToolName("hover")
                    .setOfflineMode(network.offline())
                    .setAllowInsecureRegistries(allowInsecureRegistries)
                    .setApplicationLayersCache(applicationLayersCache)
                    .addEventHandler(JibEvent.class, events)
                    .addEventHandler(ProgressEvent.class, new ProgressEventHandler(tenths()));
            additionalTags.forEach(containerizer::withAdditionalTag);
            JibContainer container = builder(spec, events).containerize(containerizer);
            ImageOutput.Kind kind = target instanceof ImageTarget.Tar ? ImageOutput.Kind.TAR : ImageOutput.Kind.REGISTRY;
            String location = target instanceof ImageTarget.Tar tar ? tar.file().toAbsolutePath().toString()
                    : target.reference();
            return new Result(new ImageOutput(kind, location, container.getDigest().toString(),
                    container.getImageId().toString()), uploads);
        } catch (InvalidImageReferenceException e) {
            throw failures.invalidReference(e);
        } catch (ExecutionException | RegistryException | IOException | CacheDirectoryCreationException e) {
            throw failures.explain(e, baseImageReached.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Interrupted while building the image " + target.reference(), e);
        }
    }

    /**
     * Writes the base image alone as a tar in {@code docker save}'s format, e.g. to run its JVM on
     * this host; its layers come from Jib's cache of base images when they are there.
     */
    public String exportBase(String baseImage, Architecture architecture, Path tar) throws Exception {
        Consumer<JibEvent> events = event -> {
            if (event instanceof LogEvent logEvent) {
                log.debug(logEvent.getMessage());
            }
        };
        try (JibProxyProperties proxies = JibProxyProperties.apply(network.proxies())) {
            return base(baseImage, events)
                    .setPlatforms(Set.of(new Platform(architecture.ociName(), "linux")))
                    .containerize(Containerizer.to(TarImage.at(tar).named("hover/base-export"))
                            .setToolName("hover")
                            .setOfflineMode(network.offline())
                            .setAllowInsecureRegistries(allowInsecureRegistries)
                            .setApplicationLayersCache(applicationLayersCache)
                            .addEventHandler(JibEvent.class, events)).getDigest().toString();
        }
    }

    private JibContainerBuilder builder(ImageSpec spec, Consumer<JibEvent> events)
            throws InvalidImageReferenceException {
        List<FileEntriesLayer> layers = spec.layers().stream().map(ImageContainerizer::layer).toList();
        return base(spec.baseImage(), events)
                .setPlatforms(Set.of(new Platform(spec.architecture().ociName(), "linux")))
                .setFormat(ImageFormat.OCI)
                .setEntrypoint(spec.entrypoint())
                .setProgramArguments(List.of())
                .setWorkingDirectory(AbsoluteUnixPath.get(spec.workingDirectory()))
                .setEnvironment(spec.environment())
                .setLabels(spec.labels())
                .setFileEntriesLayers(layers);
    }

    private JibContainerBuilder base(String baseImage, Consumer<JibEvent> events)
            throws InvalidImageReferenceException {
        if (baseImage.startsWith(Jib.TAR_IMAGE_PREFIX)) {
            return Jib.from(TarImage.at(Path.of(baseImage.substring(Jib.TAR_IMAGE_PREFIX.length()))));
        }
        String reference = baseImage.startsWith(Jib.REGISTRY_IMAGE_PREFIX)
                ? baseImage.substring(Jib.REGISTRY_IMAGE_PREFIX.length()) : baseImage;
        return Jib.from(withUsersCredentials(RegistryImage.named(reference), ImageReference.parse(reference), events));
    }

    private Containerizer containerizer(ImageTarget target, Consumer<JibEvent> events)
            throws InvalidImageReferenceException, IOException {
        if (target instanceof ImageTarget.Tar tar) {
            Files.createDirectories(tar.file().toAbsolutePath().getParent());
            return Containerizer.to(TarImage.at(tar.file()).named(tar.reference()));
        }
        ImageTarget.Registry registry = (ImageTarget.Registry) target;
        ImageReference reference = ImageReference.parse(registry.reference());
        RegistryImage image = RegistryImage.named(reference);
        if (registry.credential().isPresent()) {
            image.addCredential(registry.credential().get().getUsername(), registry.credential().get().getPassword());
        } else {
            withUsersCredentials(image, reference, events);
        }
        return Containerizer.to(image);
    }

    /**
     * The registry's {@code <server>} in Maven's settings (Jib's convention: its id is the registry's
     * host), then what {@code docker login} and Docker's credential helpers know, as the docker CLI would use.
     */
    private RegistryImage withUsersCredentials(RegistryImage image, ImageReference reference,
                                               Consumer<JibEvent> events) {
        network.serverFor(reference.getRegistry()).ifPresent(server -> image.addCredential(server.username(),
                server.password()));
        CredentialRetrieverFactory credentials = CredentialRetrieverFactory.forImage(reference, events::accept);
        return image.addCredentialRetriever(credentials.dockerConfig())
                .addCredentialRetriever(credentials.wellKnownCredentialHelpers());
    }

    /** Jib's progress updates come often and from several threads: one report per tenth of the work. */
    private Consumer<ProgressEventHandler.Update> tenths() {
        AtomicInteger reported = new AtomicInteger(-1);
        return update -> {
            int percent = (int) Math.floor(update.getProgress() * 100);
            int tenth = percent / 10;
            if (reported.getAndAccumulate(tenth, Math::max) < tenth) {
                log.progress(percent);
            }
        };
    }

    private static FileEntriesLayer layer(ImageSpec.Layer layer) {
        FileEntriesLayer.Builder builder = FileEntriesLayer.builder().setName(layer.name());
        for (ImageSpec.Entry entry : layer.entries()) {
            if (entry.permissions() == null) {
                builder.addEntry(Path.of(entry.source()), AbsoluteUnixPath.get(entry.target()));
            } else {
                builder.addEntry(Path.of(entry.source()), AbsoluteUnixPath.get(entry.target()),
                        FilePermissions.fromOctalString(entry.permissions()));
            }
        }
        return builder.build();
    }

    private void forward(LogEvent event) {
        switch (event.getLevel()) {
            case ERROR, WARN -> log.warn(event.getMessage());
            case LIFECYCLE -> log.info(event.getMessage());
            default -> log.debug(event.getMessage());
        }
    }
}
