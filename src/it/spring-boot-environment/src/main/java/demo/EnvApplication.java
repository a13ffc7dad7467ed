package demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.PackageVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configured only by its process environment, the way a twelve-factor Spring Boot application is:
 * no server.port, the profile and the application name from SPRING_* variables, a token from the
 * environment. Reports what it sees; never a secret's value.
 */
@SpringBootApplication
@Controller
public class EnvApplication {
    private final Environment environment;
    private final String applicationName;
    private final String profileProperty;
    private final String tokenProperty;

    public EnvApplication(Environment environment, @Value("${spring.application.name}") String applicationName,
                          @Value("${demo.profile}") String profileProperty, @Value("${DEMO_API_TOKEN}") String tokenProperty) {
        this.environment = environment;
        this.applicationName = applicationName;
        this.profileProperty = profileProperty;
        this.tokenProperty = tokenProperty;
    }

    public static void main(String[] args) {
        SpringApplication.run(EnvApplication.class, args);
    }

    @GetMapping("/ready")
    @ResponseBody
    String ready() {
        return "ok";
    }

    @GetMapping("/env")
    @ResponseBody
    Map<String, Object> env() throws IOException, InterruptedException {
        String token = System.getenv("DEMO_API_TOKEN");
        Process child = new ProcessBuilder("sh", "-c", "printf '%s|%s' \"$SPRING_PROFILES_ACTIVE\" \"$DEMO_API_TOKEN\"").start();
        String childSaw = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        child.waitFor();
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("activeProfiles", List.of(environment.getActiveProfiles()));
        seen.put("applicationName", applicationName);
        seen.put("profileProperty", profileProperty);
        seen.put("getenvProfile", System.getenv("SPRING_PROFILES_ACTIVE"));
        seen.put("tokenLength", token == null ? -1 : token.length());
        seen.put("tokenIsExpected", "tok-it's-$ecret".equals(token));
        seen.put("springSeesToken", tokenProperty.equals(token));
        seen.put("childSeesProfileAndToken", ("prod|" + token).equals(childSaw));
        seen.put("tokenAsSystemProperty", System.getProperty("DEMO_API_TOKEN"));
        seen.put("port", environment.getProperty("local.server.port"));
        seen.put("lambdaVariableKept", System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
        return seen;
    }

    /** Which jackson-core and AWS SDK this application runs with, and from which jars; the SDK called. */
    @GetMapping("/libraries")
    @ResponseBody
    Map<String, Object> libraries() {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("jackson", PackageVersion.VERSION.toString());
        seen.put("jacksonJar", JsonFactory.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        seen.put("awsSdk", VersionInfo.SDK_VERSION);
        seen.put("awsSdkJar", KmsClient.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        try (KmsClient kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            seen.put("kmsKeys", kms.listKeys().keys().size());
        }
        return seen;
    }

    @GetMapping("/go")
    String go() {
        return "redirect:/done";
    }
}
