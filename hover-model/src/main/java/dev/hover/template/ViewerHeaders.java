package dev.hover.template;

/**
 * How the distribution tells the http function's runtime where the viewer sent its request
 * (template ↔ runtime, docs/runtime.md "The public URL"): the viewer-request function copies the
 * viewer's {@code Host} into {@link #VIEWER_HOST}, and the origin adds {@link #ORIGIN_VERIFY} with
 * the value the function finds in {@link #ORIGIN_VERIFY_VARIABLE}.
 */
public final class ViewerHeaders {
    public static final String VIEWER_HOST = "x-hover-viewer-host";
    public static final String ORIGIN_VERIFY = "x-hover-origin-verify";
    public static final String ORIGIN_VERIFY_VARIABLE = "HOVER_ORIGIN_VERIFY";

    private ViewerHeaders() {
    }
}
