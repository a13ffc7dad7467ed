package dev.hover.plugin.lease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the lease object says (docs/deploy.md, "One change of a stage at a time").
 *
 * @param operation {@code deploy} or {@code rollback}
 * @param build     the build being deployed; empty for a rollback to the build before the live one
 * @param holder    the caller identity's ARN ({@code sts:GetCallerIdentity})
 * @param by        {@code user@host} of the process that holds it
 * @param since     when it was taken
 * @param renewed   when its holder last renewed it
 * @param expires   when it lapses unless renewed again
 * @param token     unique to one taking: a holder knows its own lease by it
 */
public record LeaseRecord(String operation, Optional<String> build, String holder, String by, Instant since,
                          Instant renewed, Instant expires, String token) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean expired(Instant now) {
        return !now.isBefore(expires);
    }

    LeaseRecord renewedAt(Instant now, Duration ttl) {
        return new LeaseRecord(operation, build, holder, by, since, now, now.plus(ttl), token);
    }

    /** E.g. {@code deploy of build b2 by arn:aws:iam::…:user/ci (ci@runner-7) since 2026-12-01T19:30:00Z}. */
    public String describe() {
        return operation + build.map(b -> " of build " + b).orElse("") + " by " + holder + " (" + by + ") since " + since;
    }

    byte[] toJson() {
        ObjectNode node = JSON.createObjectNode()
                .put("operation", operation)
                .put("build", build.orElse(null))
                .put("holder", holder)
                .put("by", by)
                .put("since", since.toString())
                .put("renewed", renewed.toString())
                .put("expires", expires.toString())
                .put("token", token);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException naming what is wrong, when the object is not a lease this code wrote */
    static LeaseRecord fromJson(byte[] content) {
        JsonNode node;
        try {
            node = JSON.readTree(content);
        } catch (IOException e) {
            throw new IllegalArgumentException("it is not JSON (" + e.getMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        return new LeaseRecord(text(node, "operation"), Optional.ofNullable(node.path("build").textValue()),
                text(node, "holder"), text(node, "by"), instant(node, "since"), instant(node, "renewed"),
                instant(node, "expires"), text(node, "token"));
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).textValue();
        if (value == null) {
            throw new IllegalArgumentException("its field " + field + " is missing or not a string");
        }
        return value;
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its field " + field + " is not an instant: " + e.getParsedString());
        }
    }
}
