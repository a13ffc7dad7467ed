package org.acme;

import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/** The active configuration profile, and a property whose value depends on it. */
@Path("/profile")
public class ProfileResource {
    @ConfigProperty(name = "demo.profile-note")
    String note;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> profile() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profile", String.join(",", ConfigUtils.getProfiles()));
        body.put("note", note);
        return body;
    }
}
