package com.example;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.HttpHostResolver;

import java.util.LinkedHashMap;
import java.util.Map;

/** What every framework's invoker test asks (src/it/app-checks.groovy). */
@Controller
public class DemoController {
    private final Greeter greeter;
    private final HttpHostResolver hosts;

    DemoController(Greeter greeter, HttpHostResolver hosts) {
        this.greeter = greeter;
        this.hosts = hosts;
    }

    /** An absolute URL built from the host Micronaut resolves for the request. */
    @Get("/go")
    public HttpResponse<Void> go(HttpRequest<?> request) {
        return HttpResponse.<Void>status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, hosts.resolve(request) + "/done");
    }

    @Get("/ready")
    @Produces(MediaType.TEXT_PLAIN)
    public String ready() {
        return "ready";
    }

    @Get("/hello")
    public HttpResponse<Map<String, Object>> hello(@QueryValue String name, @Nullable @CookieValue("session") String session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", greeter.greet(name));
        body.put("session", session);
        return HttpResponse.ok(body)
                .cookie(Cookie.of("visited", "yes").path("/").httpOnly(true))
                .cookie(Cookie.of("lang", "en").path("/").maxAge(3600));
    }

    @Post("/echo")
    public Map<String, Object> echo(@Body Map<String, Object> received) {
        return received;
    }

    @Get("/binary")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public byte[] binary() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Get("/files/{name}")
    @Produces(MediaType.TEXT_PLAIN)
    public String file(@PathVariable String name) {
        return name;
    }
}
