import dev.hover.model.ScheduleEntry;
import dev.hover.model.QueueFunction;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.model.packaged.PackagedManifestCodec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Writes the manifest {@code manifest.sh} reads: a stage with 12 variables, a schedule entry and a queue function. */
public final class ManifestWriter {
    private ManifestWriter() {
    }

    public static void main(String[] args) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 1; i <= 12; i++) {
            environment.put("VARIABLE_" + i, "https://service-" + i + ".example.com/path?x=" + i);
        }
        PackagedManifestCodec.write(new PackagedManifest("staging", "shop-staging", "20261201T2000Z-abc123", environment,
                "com.example.shop.ShopApplication", new PackagedManifest.Http(8080, "/actuator/health", 2, 120),
                List.of(new ScheduleEntry("*/5 * * * *", "orders:expire")),
                Map.of("mail", new QueueFunction("mail", 512, 60, OptionalInt.empty(), 3, List.of(5, 30), List.of("mail")))),
                Path.of(args[0]));
    }
}
