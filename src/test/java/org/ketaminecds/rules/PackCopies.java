package org.ketaminecds.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** Copies of the shipped rule pack in temporary folders, for tests that change a pack (never {@code rules/}). */
public final class PackCopies {
    public static final Path SHIPPED = Path.of("rules");
    public static final String NEW_RULE_FILE = "suitability/Z01-hot-reload-check.drl";
    public static final String NEW_RULE = """
            package suitability;

            import org.ketaminecds.facts.*;

            rule "Z01 The synthetic-e1 sample patient gets the hot reload check card"
                @id("Z01") @evidence("SPR-PI")
            when
                Evaluation( product != null )
                Patient( sourceRef == "Patient/synthetic-e1" )
            then
                insertLogical(Finding.of("Z01", Indicator.INFO));
            end
            """;
    public static final String NEW_CATALOGUE_ENTRY = """
              - id: Z01
                title: Hot reload check
                evidence: [SPR-PI]
                summary: "Hot reload check for {product}"
                detail: "Added while the service runs."
            """;

    private PackCopies() {
    }

    /** A fresh copy of the shipped pack. */
    public static Path copy() {
        try {
            Path target = Files.createTempDirectory("rule-pack-copy");
            try (Stream<Path> walk = Files.walk(SHIPPED)) {
                for (Path source : walk.toList()) {
                    Path to = target.resolve(SHIPPED.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(source, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code text} in a pack file; fails when it is not there. */
    public static void edit(Path pack, String file, String text, String replacement) {
        try {
            Path path = pack.resolve(file);
            String content = Files.readString(path);
            if (!content.contains(text)) {
                throw new IllegalStateException(file + " does not contain " + text);
            }
            Files.writeString(path, content.replaceFirst(java.util.regex.Pattern.quote(text),
                    java.util.regex.Matcher.quoteReplacement(replacement)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line of rule Z01 that keeps it to one sample patient: without it, Z01 fires in every scenario. */
    public static final String NEW_RULE_CONDITION = "    Patient( sourceRef == \"Patient/synthetic-e1\" )\n";

    /**
     * A small pack for tests that reload many times: the shipped value sets, policy, catalogue and evidence, and
     * rule Z01 as the only rule, without scenarios.
     */
    public static Path minimal() {
        Path pack = copy();
        try (Stream<Path> walk = Files.walk(pack)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                boolean scenario = pack.relativize(path).toString().replace('\\', '/').contains("scenarios");
                if (path.toString().endsWith(".drl") || scenario) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        addNewRule(pack);
        return pack;
    }

    /** Adds rule Z01 (a DRL file and its catalogue entry). */
    public static void addNewRule(Path pack) {
        try {
            Files.writeString(pack.resolve("catalogue.yaml"), "\n" + NEW_CATALOGUE_ENTRY, StandardOpenOption.APPEND);
            Files.writeString(pack.resolve(NEW_RULE_FILE), NEW_RULE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a JSON scenario made of a fhir-samples request and its expected response, at the samples' instant;
     * {@code cards} is the {@code expect.cards} object, or null to take the cards of the expected response.
     */
    public static Path addRequestScenario(Path pack, String sample, String expectedCards) {
        try {
            Path samples = Path.of("fhir-samples");
            String request = Files.readString(samples.resolve(sample + ".request.json"));
            String response = Files.readString(samples.resolve(sample + ".response.json"));
            String cards = expectedCards;
            if (cards == null) {
                java.util.Map<String, String> byRule = new java.util.TreeMap<>();
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(response).get("cards").forEach(c ->
                        byRule.put(c.get("source").get("topic").get("code").asString(), c.get("indicator").asString()));
                cards = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(byRule);
            }
            Path file = pack.resolve("suitability/scenarios/" + sample + ".json");
            Files.writeString(file, "{\"name\": \"The " + sample + " sample gives its cards\",\n"
                    + "\"evaluationDate\": \"2026-03-02T09:00:00Z\",\n\"request\": " + request + ",\n"
                    + "\"expect\": {\"cards\": " + cards + ", \"response\": " + response + "}}\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Breaks rule A05's consequence: a compile error in a pack that otherwise works. */
    public static void breakA05(Path pack) {
        edit(pack, "suitability/A05-A06-pre-dose-blood-pressure.drl", "insertLogical(Finding.of(\"A05\"",
                "insertLogicl(Finding.of(\"A05\"");
    }

    /** Undoes {@link #breakA05(Path)}. */
    public static void fixA05(Path pack) {
        edit(pack, "suitability/A05-A06-pre-dose-blood-pressure.drl", "insertLogicl(Finding.of(\"A05\"",
                "insertLogical(Finding.of(\"A05\"");
    }
}
