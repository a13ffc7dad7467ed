package dev.hover.plugin.network;

import dev.hover.model.HoverException;

/** Maven runs offline ({@code -o}) and the goal needs the network for what it was asked. */
public final class OfflineException extends HoverException {
    public OfflineException(String message) {
        super(message);
    }
}
