package dev.hover.plugin.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssetHeadersTest {
    @Test
    void knowsTheWebsContentTypes() {
        assertThat(AssetHeaders.contentType("app.js")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(AssetHeaders.contentType("site.CSS")).isEqualTo("text/css; charset=utf-8");
        assertThat(AssetHeaders.contentType("font.woff2")).isEqualTo("font/woff2");
        assertThat(AssetHeaders.contentType("logo.svg")).isEqualTo("image/svg+xml");
        assertThat(AssetHeaders.contentType("LICENSE")).isEqualTo("application/octet-stream");
    }

    @Test
    void fingerprintedFilesAreCachedForAYearOthersForAnHour() {
        assertThat(AssetHeaders.cacheControl("app.3f9a2c1b.js")).isEqualTo(AssetHeaders.IMMUTABLE);
        assertThat(AssetHeaders.cacheControl("main-5XQ2ZJ7L.css")).isEqualTo(AssetHeaders.IMMUTABLE);
        assertThat(AssetHeaders.cacheControl("chunk_0123456789abcdef.js")).isEqualTo(AssetHeaders.IMMUTABLE);

        assertThat(AssetHeaders.cacheControl("favicon.ico")).isEqualTo(AssetHeaders.SHORT_LIVED);
        assertThat(AssetHeaders.cacheControl("bootstrap.min.css")).isEqualTo(AssetHeaders.SHORT_LIVED);
        assertThat(AssetHeaders.cacheControl("application-settings.json")).isEqualTo(AssetHeaders.SHORT_LIVED);
    }
}
