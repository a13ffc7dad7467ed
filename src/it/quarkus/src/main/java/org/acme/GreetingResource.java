package org.acme;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

@Path("/hello")
public class GreetingResource {
    @Inject
    Greeter greeter;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response hello(@QueryParam("name") String name, @CookieParam("session") String session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", greeter.greet(name));
        body.put("session", session);
        return Response.ok(body)
                .cookie(new NewCookie.Builder("visited").value("yes").path("/").httpOnly(true).build(),
                        new NewCookie.Builder("lang").value("en").path("/").maxAge(3600).build())
                .build();
    }
}
