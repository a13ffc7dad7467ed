package dev.hover.maven;

import dev.hover.plugin.image.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

import java.util.List;

/**
 * Resolves {@code hover-lambda-runtime} at the plugin's own version, with its runtime dependencies,
 * through Maven's resolver: the application needs no dependency on it to be packaged with it.
 */
final class HoverRuntimeResolver {
    static final String ARTIFACT_ID = "hover-lambda-runtime";

    private final RepositorySystem repositorySystem;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    HoverRuntimeResolver(RepositorySystem repositorySystem, RepositorySystemSession session,
                         List<RemoteRepository> repositories) {
        this.repositorySystem = repositorySystem;
        this.session = session;
        this.repositories = repositories;
    }

    List<Dependency> resolve(String groupId, String version) throws MojoExecutionException {
        Artifact runtime = new DefaultArtifact(groupId, ARTIFACT_ID, "jar", version);
        CollectRequest collect = new CollectRequest(new org.eclipse.aether.graph.Dependency(runtime, "runtime"),
                repositories);
        // Maven's session already leaves out the test, provided and optional dependencies of
        // dependencies (maven-resolver-util's filters are not visible to plugins)
        DependencyRequest request = new DependencyRequest(collect, null);
        try {
            return repositorySystem.resolveDependencies(session, request).getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(a -> new Dependency(a.getGroupId(), a.getArtifactId(), a.getVersion(), a.isSnapshot(),
                            a.getFile().toPath()))
                    .toList();
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("Cannot resolve the Hover runtime " + runtime + " (" + e.getMessage()
                    + "); perhaps you should check your network or the repositories in your settings", e);
        }
    }
}
