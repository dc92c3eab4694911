import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Merges the jars of a class path into one jar that the class path can name instead, with what a
 * class-path lookup would find (used by {@code aot/build-cache layout}: the JVM then opens and indexes
 * one jar at start-up instead of 120-odd, which costs every ServiceLoader scan of the class path).
 *
 * <pre>
 * java aot/MergeJars.java OUT.jar IN.jar...        # IN in class-path order
 * </pre>
 *
 * <ul>
 *   <li>An entry found in several jars: the first one's, as the class path gives it, except
 *       {@code META-INF/services/*} and {@code META-INF/io.netty.versions.properties}, which are read
 *       from every jar (ServiceLoader, Netty's version check) and so are concatenated in order.</li>
 *   <li>Multi-release jars: their {@code META-INF/versions/N/} entries are kept when the base entry they
 *       replace is the one kept (from the same jar) or exists nowhere; the merged jar is multi-release if
 *       any input is. Such entries of a jar that is not multi-release are dropped (they were inert).</li>
 *   <li>Dropped: manifests (the merged one names no Class-Path; the inputs must name none either),
 *       signature files, {@code META-INF/INDEX.LIST} and {@code module-info.class} (unused on the class
 *       path).</li>
 * </ul>
 * Fails (exit 1) if an input jar is signed or has a Class-Path: merging would change what it means.
 * Then checks the result as the JVM reads it: for every entry name of the inputs, the bytes a class
 * loader over the merged jar returns must be those a class loader over the inputs returns (multi-release
 * resolution included, for the running JDK), and each concatenated file the concatenation of all the
 * inputs' copies; exit 1 otherwise.
 */
public class MergeJars {

    private static final String VERSIONS = "META-INF/versions/";

    /** A {@code META-INF/versions/N/} entry of a multi-release jar, kept or dropped once every base entry is known. */
    private record Versioned(String name, int jar, byte[] bytes) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java MergeJars.java OUT.jar IN.jar...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Map<String, byte[]> first = new LinkedHashMap<>();
        Map<String, Integer> owner = new HashMap<>();
        Map<String, List<byte[]>> concatenated = new LinkedHashMap<>();
        List<Versioned> versioned = new ArrayList<>();
        boolean multiRelease = false;
        int duplicates = 0;
        for (int j = 1; j < args.length; j++) {
            try (JarFile jar = new JarFile(args[j], false)) {
                Manifest manifest = jar.getManifest();
                Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
                if (main.getValue(Attributes.Name.CLASS_PATH) != null) {
                    fail(args[j] + " names a Class-Path in its manifest");
                }
                boolean mr = "true".equalsIgnoreCase(main.getValue(Attributes.Name.MULTI_RELEASE));
                multiRelease |= mr;
                for (JarEntry e : Collections.list(jar.entries())) {
                    String name = e.getName();
                    String upper = name.toUpperCase(Locale.ROOT);
                    if (e.isDirectory() || isLeftOut(name)) {
                        continue;
                    }
                    if (upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0
                            && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA")
                            || upper.endsWith(".EC"))) {
                        fail(args[j] + " is signed (" + name + ")");
                    }
                    byte[] bytes = read(jar, e);
                    if (isConcatenated(name)) {
                        concatenated.computeIfAbsent(name, k -> new ArrayList<>()).add(bytes);
                    } else if (name.startsWith(VERSIONS)) {
                        if (mr) {
                            versioned.add(new Versioned(name, j, bytes));
                        }
                    } else if (first.putIfAbsent(name, bytes) == null) {
                        owner.put(name, j);
                    } else {
                        duplicates++;
                    }
                }
            }
        }
        int dropped = 0;
        for (Versioned v : versioned) {
            String name = v.name();
            int slash = name.indexOf('/', VERSIONS.length());
            String base = slash < 0 ? name : name.substring(slash + 1);
            Integer baseOwner = owner.get(base);
            if ((baseOwner == null || baseOwner == v.jar()) && !first.containsKey(name)) {
                first.put(name, v.bytes());
            } else {
                dropped++;
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (multiRelease) {
            manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, List<byte[]>> c : concatenated.entrySet()) {
                jar.putNextEntry(new ZipEntry(c.getKey()));
                for (byte[] part : c.getValue()) {
                    appendLine(jar, part);
                }
                jar.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : first.entrySet()) {
                jar.putNextEntry(new ZipEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        int checked = verify(out, Arrays.copyOfRange(args, 1, args.length));
        System.err.printf("MergeJars: %d jars -> %s: %d entries, %d concatenated, %d later duplicates left out,"
                + " %d versioned entries dropped%s; %d names resolve as on the original class path%n", args.length - 1,
                out, first.size() + concatenated.size(), concatenated.size(), duplicates, dropped,
                multiRelease ? ", multi-release" : "", checked);
    }

    /** Compares what class loaders over the merged jar and over the inputs return for every name; the names checked. */
    private static int verify(Path merged, String[] inputs) throws IOException {
        URL[] urls = new URL[inputs.length];
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < inputs.length; i++) {
            urls[i] = Path.of(inputs[i]).toUri().toURL();
            try (JarFile jar = new JarFile(inputs[i], false)) {
                for (JarEntry e : Collections.list(jar.entries())) {
                    String name = e.getName();
                    if (!e.isDirectory() && !name.startsWith(VERSIONS) && !isLeftOut(name)) {
                        names.add(name);
                    }
                }
            }
        }
        try (URLClassLoader original = new URLClassLoader(urls, null);
             URLClassLoader single = new URLClassLoader(new URL[] {merged.toUri().toURL()}, null)) {
            for (String name : names) {
                byte[] expected;
                if (isConcatenated(name)) {
                    ByteArrayOutputStream all = new ByteArrayOutputStream();
                    for (URL u : Collections.list(original.getResources(name))) {
                        appendLine(all, bytes(u.openStream()));
                    }
                    expected = all.toByteArray();
                } else {
                    expected = bytes(original.getResourceAsStream(name));
                }
                if (!Arrays.equals(expected, bytes(single.getResourceAsStream(name)))) {
                    fail("the merged jar resolves " + name + " otherwise than the class path did");
                }
            }
        }
        return names.size();
    }

    /** Read from every jar that has it (ServiceLoader, Netty's version check), so kept as all copies in order. */
    private static boolean isConcatenated(String name) {
        return name.startsWith("META-INF/services/") || name.equals("META-INF/io.netty.versions.properties");
    }

    /** Manifests, the jar index and module descriptors: unused on the class path, never merged. */
    private static boolean isLeftOut(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals("META-INF/MANIFEST.MF") || upper.equals("META-INF/INDEX.LIST")
                || name.endsWith("module-info.class");
    }

    /** One copy of a concatenated file, ending with a line break so the next copy starts on its own line. */
    private static void appendLine(OutputStream out, byte[] part) throws IOException {
        out.write(part);
        if (part.length > 0 && part[part.length - 1] != '\n') {
            out.write('\n');
        }
    }

    private static byte[] bytes(InputStream stream) throws IOException {
        if (stream == null) {
            return null;
        }
        try (InputStream in = stream) {
            return in.readAllBytes();
        }
    }

    private static byte[] read(JarFile jar, JarEntry e) throws IOException {
        try (InputStream in = jar.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    private static void fail(String why) {
        System.err.println("MergeJars: " + why);
        System.exit(1);
    }
}
