package demo;

import io.javalin.Javalin;
import io.javalin.http.Cookie;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain Javalin application, configured by its environment (PORT, GREETING); nothing in it knows about Lambda. */
public class App {
    public static void main(String[] args) {
        String greeting = System.getenv().getOrDefault("GREETING", "Hello");
        Javalin.create()
                .get("/ready", ctx -> ctx.result("ready"))
                .get("/hello", ctx -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("message", greeting + ", " + ctx.queryParam("name"));
                    body.put("session", ctx.cookie("session"));
                    ctx.cookie(new Cookie("visited", "yes"));
                    ctx.cookie("lang", "en", 3600);
                    ctx.json(body);
                })
                .post("/echo", ctx -> ctx.json(ctx.bodyAsClass(Object.class)))
                .get("/binary", ctx -> {
                    byte[] bytes = new byte[256];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) i;
                    }
                    ctx.contentType("application/octet-stream").result(bytes);
                })
                .get("/files/{name}", ctx -> ctx.contentType("text/plain").result(ctx.pathParam("name")))
                // an absolute URL built from the URL Jetty says the client requested
                .get("/go", ctx -> ctx.redirect(URI.create(ctx.url()).resolve("/done").toString()))
                .start("127.0.0.1", Integer.parseInt(System.getenv().getOrDefault("PORT", "7070")));
    }
}
