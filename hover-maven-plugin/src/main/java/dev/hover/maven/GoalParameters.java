package dev.hover.maven;

import dev.hover.model.validation.KeySuggestion;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A goal's {@code hover.*} parameters, property first (as the Jib plugin reads its own): a user
 * property ({@code -D}) wins over a system property ({@code MAVEN_OPTS}), and both win over the pom's
 * {@code <configuration>}. Before a goal runs, every {@code hover.*} property given is checked: one
 * that no goal of the plugin knows is a typo (the closest known name is suggested), and one of this
 * goal's that is empty, or not of its type, is refused rather than read as a default.
 */
final class GoalParameters {
    static final String PREFIX = "hover.";

    /** How a parameter's value is written. */
    enum Type {
        TEXT, FLAG, NUMBER, LIST;

        static Type of(String javaType) {
            return switch (javaType) {
                case "boolean", "java.lang.Boolean" -> FLAG;
                case "int", "java.lang.Integer", "long", "java.lang.Long" -> NUMBER;
                case "java.util.List" -> LIST;
                default -> TEXT;
            };
        }
    }

    private final String goal;
    private final Properties user;
    private final Properties system;
    /** This goal's parameters: property name to type. */
    private final Map<String, Type> own;
    /** Every property name a goal of this plugin reads. */
    private final Set<String> known;

    GoalParameters(String goal, Properties user, Properties system, Map<String, Type> own, Set<String> known) {
        this.goal = goal;
        this.user = user;
        this.system = system;
        this.own = Map.copyOf(own);
        this.known = Set.copyOf(known);
    }

    /** The parameters of {@code goal}, knowing those of every goal of its plugin. */
    static GoalParameters of(MojoDescriptor goal, Properties user, Properties system) {
        Map<String, Type> own = new LinkedHashMap<>();
        properties(goal).forEach(parameter -> own.put(property(parameter), Type.of(parameter.getType())));
        Set<String> known = goal.getPluginDescriptor().getMojos().stream()
                .flatMap(GoalParameters::properties)
                .map(GoalParameters::property)
                .collect(Collectors.toSet());
        known.addAll(own.keySet());
        return new GoalParameters(goal.getPluginDescriptor().getGoalPrefix() + ":" + goal.getGoal(), user, system, own, known);
    }

    private static Stream<Parameter> properties(MojoDescriptor goal) {
        List<Parameter> parameters = goal.getParameters() == null ? List.of() : goal.getParameters();
        return parameters.stream().filter(p -> p.getExpression() != null && p.getExpression().startsWith("${" + PREFIX));
    }

    private static String property(Parameter parameter) {
        String expression = parameter.getExpression();
        return expression.substring(2, expression.length() - 1);
    }

    /**
     * @throws ParameterException for the first {@code hover.*} property given that no goal knows,
     *                            or one of this goal's that is empty or not of its type
     */
    void check() {
        for (String name : given()) {
            if (!known.contains(name)) {
                throw new ParameterException(unknown(name));
            }
            Type type = own.get(name);
            if (type != null) {
                parse(name, raw(name).orElseThrow(), type, Function.identity());
            }
        }
    }

    /** The {@code hover.*} names given as user or system properties, sorted. */
    private Set<String> given() {
        Set<String> names = new TreeSet<>();
        Stream.of(user, system).flatMap(p -> p.stringPropertyNames().stream())
                .filter(name -> name.startsWith(PREFIX))
                .forEach(names::add);
        return names;
    }

    private String unknown(String name) {
        String bare = name.substring(PREFIX.length());
        Optional<String> closest = KeySuggestion.closest(bare, bare(known)).map(n -> PREFIX + n);
        return "-D" + name + " is not a parameter of the Hover plugin; " + closest.map(c -> "did you mean " + c + "?")
                .orElse(goal + " takes " + String.join(", ", new TreeSet<>(own.keySet())) + ".")
                + " (mvn help:describe -Dplugin=dev.hover:hover-maven-plugin -Ddetail lists every goal's)";
    }

    private static Collection<String> bare(Set<String> names) {
        return names.stream().map(n -> n.substring(PREFIX.length())).toList();
    }

    /** A text parameter: the property when given, else the pom's value; blank counts as not given. */
    Optional<String> text(String name, String configured) {
        requireOwn(name, Type.TEXT);
        return raw(name).map(String::strip).or(() -> Optional.ofNullable(configured).map(String::strip))
                .filter(v -> !v.isEmpty());
    }

    /** A list parameter: the property's comma-separated items when given, else the pom's. */
    List<String> list(String name, List<String> configured) {
        requireOwn(name, Type.LIST);
        return raw(name).map(v -> parse(name, v, Type.LIST, GoalParameters::items))
                .orElseGet(() -> configured == null ? List.of() : configured.stream().map(String::strip)
                        .filter(item -> !item.isEmpty()).toList());
    }

    private static List<String> items(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    boolean flag(String name, boolean configured) {
        requireOwn(name, Type.FLAG);
        return raw(name).map(v -> parse(name, v, Type.FLAG, Boolean::parseBoolean)).orElse(configured);
    }

    int number(String name, int configured) {
        requireOwn(name, Type.NUMBER);
        return raw(name).map(v -> parse(name, v, Type.NUMBER, Integer::parseInt)).orElse(configured);
    }

    private Optional<String> raw(String name) {
        return Optional.ofNullable(user.getProperty(name)).or(() -> Optional.ofNullable(system.getProperty(name)));
    }

    /** Checks a given value against its type, then converts it. */
    private static <T> T parse(String name, String value, Type type, Function<String, T> convert) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new ParameterException("-D" + name + " is empty; " + switch (type) {
                case TEXT, LIST -> "give it a value, or leave it out";
                case FLAG -> "it takes true or false (-D" + name + " alone means true)";
                case NUMBER -> "it takes a whole number";
            });
        }
        switch (type) {
            case FLAG -> {
                String lower = stripped.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw new ParameterException("-D" + name + " is '" + value + "'; it takes true or false");
                }
                return convert.apply(lower);
            }
            case NUMBER -> {
                if (!stripped.matches("-?[0-9]{1,9}")) {
                    throw new ParameterException("-D" + name + " is '" + value + "'; it takes a whole number");
                }
                return convert.apply(stripped);
            }
            default -> {
                return convert.apply(stripped);
            }
        }
    }

    /** Guards the goals' own code: a getter must name a parameter the goal declares, of that type. */
    private void requireOwn(String name, Type type) {
        if (own.get(name) != type) {
            throw new IllegalStateException(goal + " reads " + name + " as " + type + " but declares "
                    + Optional.ofNullable(own.get(name)).map(Type::name).orElse("no such parameter"));
        }
    }
}
