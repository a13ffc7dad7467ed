package org.acme;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The rest of what every framework's invoker test asks (src/it/app-checks.groovy). */
@Path("/")
public class DemoResource {
    /** An absolute URL built from the request's base URI, as JAX-RS gives it. */
    @GET
    @Path("go")
    public Response go(@Context UriInfo uri) {
        return Response.status(Response.Status.FOUND).location(uri.getBaseUriBuilder().path("done").build()).build();
    }

    @GET
    @Path("ready")
    @Produces(MediaType.TEXT_PLAIN)
    public String ready() {
        return "ready";
    }

    @POST
    @Path("echo")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode echo(JsonNode received) {
        return received;
    }

    @GET
    @Path("binary")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public byte[] binary() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @GET
    @Path("files/{name}")
    @Produces(MediaType.TEXT_PLAIN)
    public String file(@PathParam("name") String name) {
        return name;
    }
}
