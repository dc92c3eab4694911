package com.campaignops.ka05406.messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Where the texts are: one UTF-8 properties file per language under {@code messages/}, read the first time that
 * language is asked for. A cold start in English reads {@code messages_en.properties} alone.
 */
public final class Catalog {

    static final Catalog DEFAULT = new Catalog();

    /** Each catalogue read so far, by name (the test that English alone loads English alone reads the keys). */
    final Map<String, Map<String, Template>> texts = new HashMap<>();
    /** Lock-free reads once a language is loaded ({@link Messages} is immutable: safe to publish this way). */
    private final Messages[] ready = new Messages[Language.values().length];

    public Messages messages(Language language) {
        Messages m = ready[language.ordinal()];
        return m != null ? m : load(language);
    }

    private synchronized Messages load(Language language) {
        Messages m = ready[language.ordinal()];
        if (m == null) {
            // English fills any key a catalogue lacks.
            Map<String, Template> merged = new HashMap<>(texts(Language.EN.catalog()));
            merged.putAll(texts(language.catalog()));
            m = new Messages(language, Map.copyOf(merged));
            ready[language.ordinal()] = m;
        }
        return m;
    }

    /** One catalogue's templates, each cut into its pieces once. */
    private Map<String, Template> texts(String catalog) {
        return texts.computeIfAbsent(catalog, c -> read(c).entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Template.of(e.getValue()))));
    }

    /** One catalogue, as written: keys to templates. */
    public static Map<String, String> read(String catalog) {
        String path = "messages/messages_" + catalog + ".properties";
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            // Interned: the keys asked for are literals, so each lookup ends on an identity check, not a
            // comparison of the key's bytes (a verdict looks up some twenty sentences).
            return properties.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                    e -> ((String) e.getKey()).intern(), e -> (String) e.getValue()));
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
