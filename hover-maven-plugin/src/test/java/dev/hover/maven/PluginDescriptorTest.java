package dev.hover.maven;

import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.apache.maven.tools.plugin.generator.HtmlToPlainTextConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code mvn help:describe -Dplugin=dev.hover:hover-maven-plugin -Ddetail} prints: the plugin
 * descriptor the build generated ({@code target/classes/META-INF/maven/plugin.xml}), read as Maven
 * reads it, each description made plain text by the class maven-help-plugin uses. A placeholder
 * written {@code <stage>} would be taken for an HTML tag and vanish ({@code .hover/.yml}).
 */
class PluginDescriptorTest {
    /**
     * What a vanished placeholder leaves: {@code hover/.yml}, {@code hover//build.json},
     * {@code hover/-secrets.env}, {@code is -.} (not {@code https://} or {@code ~/.cache}).
     */
    private static final Pattern LOST_PLACEHOLDER = Pattern.compile("(?<!:)//|/\\.(yml|json|tar|env)\\b|/-|\\s-[.\\s]");

    private static PluginDescriptor plugin;
    /** Goal, or goal and parameter → the text help:describe prints for it. */
    private static final Map<String, String> printed = new LinkedHashMap<>();

    @BeforeAll
    static void readTheGeneratedDescriptor() throws Exception {
        Path descriptor = Path.of("target/classes/META-INF/maven/plugin.xml");
        try (Reader reader = Files.newBufferedReader(descriptor)) {
            plugin = new PluginDescriptorBuilder().build(reader, descriptor.toString());
        }
        HtmlToPlainTextConverter converter = new HtmlToPlainTextConverter();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            printed.put(mojo.getGoal(), converter.convert(mojo.getDescription()));
            for (Parameter parameter : mojo.getParameters()) {
                if (parameter.isEditable()) {
                    printed.put(mojo.getGoal() + " " + parameter.getName(), converter.convert(parameter.getDescription()));
                }
            }
        }
    }

    @Test
    void everyGoalAndParameterHasADescriptionThatKeepsItsPlaceholders() {
        assertThat(printed).hasSizeGreaterThan(plugin.getMojos().size());
        printed.forEach((what, text) -> {
            assertThat(text).as(what).isNotBlank();
            assertThat(LOST_PLACEHOLDER.matcher(text).find()).as(what + ": " + text).isFalse();
        });
    }

    @Test
    void thePlaceholdersReadAsWritten() {
        assertThat(printed.get("deploy stage")).contains(".hover/[stage].yml");
        assertThat(printed.get("build")).contains("target/hover/[stage]/build.json", "target/hover/[stage]/image.tar");
        assertThat(printed.get("stage-new app")).contains("[app]-[stage]");
        assertThat(printed.get("secret-encrypt")).contains(".hover/[stage]-secrets.plain.env", ".hover/[stage]-secrets.env");
    }

    @Test
    void thePluginsDescriptionNamesEveryGoal() {
        List<String> goals = plugin.getMojos().stream().map(MojoDescriptor::getGoal).toList();

        assertThat(goals).contains("build", "deploy", "logs", "rollback");
        assertThat(goals).allSatisfy(goal -> assertThat(plugin.getDescription()).contains("hover:" + goal));
    }
}
