package dev.hover.plugin.deploy;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The Content-Type and Cache-Control an asset is served with, from its file name. */
public final class AssetHeaders {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Unfingerprinted files may be fetched by a name that outlives a build (favicon.ico, robots.txt). */
    static final String SHORT_LIVED = "public, max-age=3600";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"));

    /**
     * A fingerprint is a hash in the name, as bundlers write it: {@code app.3f9a2c1b.js},
     * {@code app-3F9A2C1B.css}, {@code chunk-5XQ2ZJ7L.js}: 8 or more letters and digits, at least
     * one of them a digit, between separators before the extension.
     */
    private static final Pattern FINGERPRINT = Pattern.compile("[.\\-_](?=[A-Za-z0-9]*\\d)[A-Za-z0-9]{8,}\\.[A-Za-z0-9]+$");

    private AssetHeaders() {
    }

    public static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        String known = TYPES.get(extension);
        if (known != null) {
            return known;
        }
        String guessed = URLConnection.guessContentTypeFromName(fileName);
        return guessed != null ? guessed : "application/octet-stream";
    }

    public static String cacheControl(String fileName) {
        return FINGERPRINT.matcher(fileName).find() ? IMMUTABLE : SHORT_LIVED;
    }
}
