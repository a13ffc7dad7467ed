package demo;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

@RestController
class DemoController {
    private final Greeter greeter;

    DemoController(Greeter greeter) {
        this.greeter = greeter;
    }

    @GetMapping("/ready")
    String ready() {
        return "ready";
    }

    @GetMapping("/hello")
    ResponseEntity<Map<String, Object>> hello(@RequestParam String name,
                                              @CookieValue(name = "session", required = false) String session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", greeter.greet(name));
        body.put("session", session);
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, ResponseCookie.from("visited", "yes").path("/").httpOnly(true).build().toString())
                .header(HttpHeaders.SET_COOKIE, ResponseCookie.from("lang", "en").path("/").maxAge(3600).build().toString())
                .body(body);
    }

    @PostMapping("/echo")
    Object echo(@RequestBody Object payload) {
        return payload;
    }

    @GetMapping(value = "/binary", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    byte[] binary() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /** An absolute URL built from the request, as Spring MVC and WebFlux both hand it to a handler. */
    @GetMapping("/go")
    ResponseEntity<Void> go(UriComponentsBuilder request) {
        return ResponseEntity.status(302).location(request.path("/done").build().toUri()).build();
    }

    @GetMapping(value = "/files/{name}", produces = MediaType.TEXT_PLAIN_VALUE)
    String file(@PathVariable String name) {
        return name;
    }
}
