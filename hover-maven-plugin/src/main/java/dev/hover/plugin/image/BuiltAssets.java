package dev.hover.plugin.image;

import java.util.Objects;

/**
 * The static assets of a build, collected for upload to the stage's bucket.
 *
 * @param directory absolute path of the collected files ({@code target/hover/<stage>/assets}),
 *                  or {@code null} when the stage has no {@code assets.directory}
 * @param prefix    the key prefix they go under in the bucket, {@code assets/<build-id>/}
 * @param url       {@code ASSET_URL}: the path CloudFront serves them under, {@code /assets/<build-id>}
 * @param files     how many files were collected
 */
public record BuiltAssets(String directory, String prefix, String url, int files) {
    public BuiltAssets {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(url, "url");
    }

    public boolean present() {
        return directory != null;
    }
}
