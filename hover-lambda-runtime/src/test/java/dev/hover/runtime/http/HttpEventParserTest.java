package dev.hover.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the parser refuses, naming the field: methods that are no token, and warmer fields. */
class HttpEventParserTest {
    private final HttpEventParser parser = new HttpEventParser(new JsonFactory());

    private HttpFunctionEvent parse(String json) throws IOException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWarmerEventCarriesItsConcurrency() throws IOException {
        HttpFunctionEvent event = parse("{\"warmer\": true, \"concurrency\": 3}");
        assertThat(event.kind()).isEqualTo(HttpFunctionEvent.Kind.WARMER);
        assertThat(event.warmerConcurrency()).isEqualTo(3);
        assertThat(parse("{\"concurrency\": 10000, \"warmer\": true}").warmerConcurrency()).isEqualTo(10_000);
        assertThat(parse("{\"warmer\": true}").warmerConcurrency()).isEqualTo(1);
        assertThat(parse("{\"warmerPing\": true}").kind()).isEqualTo(HttpFunctionEvent.Kind.WARMER_PING);
    }

    @Test
    void aConcurrencyThatIsNoWholeNumberInRangeIsRefusedByName() {
        String range = "; it takes a whole number from 1 to 10000 (the containers to keep warm)";
        assertThatThrownBy(() -> parse("{\"warmer\": true, \"concurrency\": \"lots\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The warmer event's concurrency is \"lots\"" + range);
        assertThatThrownBy(() -> parse("{\"concurrency\": 2.5, \"warmer\": true}"))
                .hasMessage("The warmer event's concurrency is 2.5" + range);
        assertThatThrownBy(() -> parse("{\"warmer\": true, \"concurrency\": -3}"))
                .hasMessage("The warmer event's concurrency is -3" + range);
        assertThatThrownBy(() -> parse("{\"warmer\": true, \"concurrency\": 10001}"))
                .hasMessage("The warmer event's concurrency is 10001" + range);
        assertThatThrownBy(() -> parse("{\"warmer\": true, \"concurrency\": 99999999999999999999}"))
                .hasMessage("The warmer event's concurrency is 99999999999999999999" + range);
        assertThatThrownBy(() -> parse("{\"warmer\": true, \"concurrency\": {\"n\": 2}}"))
                .hasMessage("The warmer event's concurrency is an object" + range);
        assertThatThrownBy(() -> parse("{\"warmer\": true, \"concurrency\": null}"))
                .hasMessage("The warmer event's concurrency is null" + range);
    }

    @Test
    void warmerFlagsAreBooleans() {
        assertThatThrownBy(() -> parse("{\"warmer\": \"yes\"}"))
                .hasMessage("The warmer event's warmer is \"yes\"; it takes true or false");
        assertThatThrownBy(() -> parse("{\"warmerPing\": 1}"))
                .hasMessage("The warmer event's warmerPing is 1; it takes true or false");
    }

    @Test
    void aMethodThatIsNoTokenIsRefused() {
        assertThatThrownBy(() -> parse(ApiGatewayEvents.request("GET /admin?x=1", "/").json()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The event's requestContext.http.method is 'GET /admin?x=1', not an HTTP method "
                        + "(a token: letters, digits and !#$%&'*+-.^_`|~, no space)");
        assertThatThrownBy(() -> parse(ApiGatewayEvents.request("GET\r\nX: y", "/").json()))
                .hasMessageStartingWith("The event's requestContext.http.method is 'GET??X: y'");
        assertThatThrownBy(() -> parse(ApiGatewayEvents.request("", "/").json()))
                .hasMessageStartingWith("The event's requestContext.http.method is '', not an HTTP method");
    }
}
