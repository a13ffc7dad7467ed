package dev.hover.runtime.queue;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordJsonCodecTest {
    private final RecordJsonCodec codec = new RecordJsonCodec();

    enum Channel { MAIL, SMS }

    record Line(String sku, int quantity, BigDecimal price) {
    }

    record Order(UUID id, long customer, Channel channel, List<Line> lines, Map<String, String> tags, Set<Integer> flags,
                 Optional<String> note, Optional<String> coupon, Instant placedAt, LocalDate due, Duration hold,
                 boolean gift, double weight, Character grade) {
    }

    record Before(String name) {
    }

    record After(String name, int count, Optional<String> note, List<String> tags) {
    }

    record Holder(Object anything) {
    }

    @Test
    void roundTripsARecordWithNestedValues() throws Exception {
        Order order = new Order(UUID.fromString("0b7f1c1e-7f43-4d3e-9d6e-2b0c8c3a1f10"), 42L, Channel.SMS,
                List.of(new Line("A-1", 2, new BigDecimal("9.90")), new Line("B-2", 1, new BigDecimal("100"))),
                Map.of("source", "web"), Set.of(7), Optional.of("leave at the door"), Optional.empty(),
                Instant.parse("2026-11-26T12:00:00Z"), LocalDate.of(2026, 12, 1), Duration.ofMinutes(90), true, 1.25, 'B');

        String json = codec.toJson(order, Order.class);

        assertThat(json).isEqualTo("{\"id\":\"0b7f1c1e-7f43-4d3e-9d6e-2b0c8c3a1f10\",\"customer\":42,\"channel\":\"SMS\","
                + "\"lines\":[{\"sku\":\"A-1\",\"quantity\":2,\"price\":9.90},{\"sku\":\"B-2\",\"quantity\":1,\"price\":100}],"
                + "\"tags\":{\"source\":\"web\"},\"flags\":[7],\"note\":\"leave at the door\",\"coupon\":null,"
                + "\"placedAt\":\"2026-11-26T12:00:00Z\",\"due\":\"2026-12-01\",\"hold\":\"PT1H30M\",\"gift\":true,\"weight\":1.25,"
                + "\"grade\":\"B\"}");
        assertThat(codec.fromJson(json, Order.class)).isEqualTo(order);
    }

    @Test
    void simpleValuesAndNullAreDataToo() throws Exception {
        assertThat(codec.fromJson(codec.toJson("hello", String.class), String.class)).isEqualTo("hello");
        assertThat(codec.fromJson(codec.toJson(12L, Long.class), Long.class)).isEqualTo(12L);
        assertThat(codec.toJson(null, Void.class)).isEqualTo("null");
        assertThat(codec.fromJson("null", Void.class)).isNull();
    }

    @Test
    void dataSurvivesADeployThatAddsOrRemovesComponents() throws Exception {
        assertThat(codec.fromJson(codec.toJson(new Before("x"), Before.class), After.class))
                .isEqualTo(new After("x", 0, Optional.empty(), null));
        assertThat(codec.fromJson("{\"name\":\"y\",\"count\":3,\"gone\":{\"deep\":[1,2]}}", Before.class))
                .isEqualTo(new Before("y"));
    }

    @Test
    void aMismatchNamesThePathAndWhatWasFound() {
        assertThatThrownBy(() -> codec.fromJson("{\"name\":\"x\",\"count\":\"three\"}", After.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data.count: expected int, found three");
        assertThatThrownBy(() -> codec.fromJson("{\"id\":null,\"customer\":1,\"channel\":\"FAX\"}", Order.class))
                .hasMessage("data.channel: 'FAX' is not one of [MAIL, SMS]");
    }

    @Test
    void aTypeItCannotReadBackIsRefusedWhenWriting() {
        assertThatThrownBy(() -> codec.toJson(new Holder("x"), Holder.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("data.anything: java.lang.Object is not a type the built-in job data codec maps")
                .hasMessageContaining("Jobs.useDataCodec");
    }
}
