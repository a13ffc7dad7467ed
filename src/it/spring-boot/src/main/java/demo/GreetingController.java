package demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

@RestController
class GreetingController {
    private final String greeting;

    /** GREETING comes from the stage manifest's environment, which Hover exposes as a system property. */
    GreetingController(@Value("${GREETING}") String greeting) {
        this.greeting = greeting;
    }

    @GetMapping("/ready")
    String ready() {
        return "ready";
    }

    @GetMapping("/hello")
    ResponseEntity<Map<String, Object>> hello(@RequestParam String name,
                                              @CookieValue(name = "session", required = false) String session,
                                              @RequestHeader(name = "X-Forwarded-Proto", required = false) String proto) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", greeting + ", " + name);
        body.put("session", session);
        body.put("forwardedProto", proto);
        return ResponseEntity.ok()
                .header("X-Demo", "spring")
                .header(HttpHeaders.SET_COOKIE, ResponseCookie.from("visited", "yes").path("/").httpOnly(true).build().toString())
                .header(HttpHeaders.SET_COOKIE, ResponseCookie.from("lang", "en").path("/").maxAge(3600).build().toString())
                .body(body);
    }

    @PostMapping("/echo")
    Map<String, Object> echo(@RequestBody Map<String, Object> payload,
                             @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("received", payload);
        body.put("contentType", contentType);
        return body;
    }
}
