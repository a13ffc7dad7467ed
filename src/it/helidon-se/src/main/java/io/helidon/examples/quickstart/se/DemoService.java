package io.helidon.examples.quickstart.se;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaTypes;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;

/** What every framework's invoker test asks (src/it/app-checks.groovy). */
class DemoService implements HttpService {
    private final Greeter greeter;

    DemoService(Greeter greeter) {
        this.greeter = greeter;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/ready", (req, res) -> res.send("ready"))
                .get("/hello", (req, res) -> {
                    JsonObjectBuilder body = Json.createObjectBuilder()
                            .add("message", greeter.greet(req.query().get("name")));
                    req.headers().cookies().first("session").ifPresentOrElse(
                            session -> body.add("session", session), () -> body.addNull("session"));
                    res.headers().addCookie(SetCookie.builder("visited", "yes").path("/").httpOnly(true).build());
                    res.headers().addCookie(SetCookie.builder("lang", "en").path("/").maxAge(java.time.Duration.ofHours(1)).build());
                    res.send(body.build());
                })
                .post("/echo", (req, res) -> res.send(req.content().as(JsonStructure.class)))
                .get("/binary", (req, res) -> {
                    byte[] bytes = new byte[256];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) i;
                    }
                    res.headers().contentType(MediaTypes.APPLICATION_OCTET_STREAM);
                    res.send(bytes);
                })
                .get("/files/{name}", (req, res) -> {
                    res.headers().contentType(HttpMediaTypes.PLAINTEXT_UTF_8);
                    res.send(req.path().pathParameters().get("name"));
                })
                // an absolute URL built from the URI Helidon says the client requested
                .get("/go", (req, res) -> res.status(Status.FOUND_302)
                        .header(HeaderNames.LOCATION, req.requestedUri().toUri().resolve("/done").toString())
                        .send());
    }
}
