package com.campaignops.ka05406.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the relative links of Markdown files that lead nowhere: a missing file or folder, or a {@code #fragment}
 * that no heading (or HTML {@code id}/{@code name}) of the target Markdown file produces, with the anchors GitHub
 * makes from headings. Links with a scheme (https:, mailto:) are not followed: this runs offline.
 */
final class MarkdownLinks {

    /** Folders that hold build output or tool state, never documentation of ours. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", ".git", ".mvn", ".idea");

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*(?:id|name)=\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern MARKDOWN_LINK_TEXT = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    /** A link that leads nowhere, where it is written, and why. */
    record DeadLink(Path file, int line, String target, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + target + " (" + reason + ")";
        }
    }

    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

    /** Every Markdown file under the root, build output and tool folders left out. */
    static List<Path> markdownFiles(Path root) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(path -> path.toString().endsWith(".md") && Files.isRegularFile(path))
                    .filter(path -> root.relativize(path).getParent() == null
                            || !inSkippedFolder(root.relativize(path).getParent()))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static boolean inSkippedFolder(Path relativeFolder) {
        for (Path part : relativeFolder) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /** The dead links of one file, in the order they are written. */
    List<DeadLink> deadLinks(Path file) {
        List<DeadLink> dead = new ArrayList<>();
        List<String> lines = read(file);
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            for (String target : targets(line)) {
                String reason = whyDead(file, target);
                if (reason != null) {
                    dead.add(new DeadLink(file, i + 1, target, reason));
                }
            }
        }
        return dead;
    }

    private static List<String> targets(String line) {
        // A code span shows Markdown rather than linking: `[a](b)` in backticks is text. Its brackets go, so a
        // link whose text is a code span ([`Foo`](Foo.java)) is still seen.
        String text = CODE_SPAN.matcher(line).replaceAll("code");
        List<String> targets = new ArrayList<>();
        Matcher inline = INLINE_LINK.matcher(text);
        while (inline.find()) {
            targets.add(inline.group(1));
        }
        Matcher definition = REFERENCE_DEFINITION.matcher(text);
        if (definition.matches()) {
            targets.add(definition.group(1));
        }
        return targets;
    }

    /**
     * A link out of the project (../shared) is checked where the folder it leads into sits beside the clone, as in CI
     * and a developer's checkout; a clone made anywhere else has none beside it, which is no dead link of ours.
     */
    private static boolean leavesTheProjectForAFolderNotHere(Path resolved) {
        Path root = Path.of("").toAbsolutePath().normalize();
        Path absolute = resolved.isAbsolute() ? resolved.normalize() : root.resolve(resolved).normalize();
        if (absolute.startsWith(root) || root.getParent() == null || !absolute.startsWith(root.getParent())) {
            return false;
        }
        Path besideTheProject = root.getParent().resolve(root.getParent().relativize(absolute).getName(0));
        return !Files.exists(besideTheProject);
    }

    private String whyDead(Path file, String target) {
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        int hash = target.indexOf('#');
        String pathPart = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String fragment = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        Path resolved = pathPart.isEmpty() ? file : file.getParent().resolve(pathPart).normalize();
        if (leavesTheProjectForAFolderNotHere(resolved)) {
            return null;
        }
        if (!Files.exists(resolved)) {
            return "no such file or folder: " + resolved;
        }
        if (fragment == null || fragment.isEmpty() || !resolved.toString().endsWith(".md")) {
            return null;
        }
        return anchors(resolved).contains(fragment) ? null : "no heading makes the anchor #" + fragment;
    }

    /** The anchors a Markdown file offers: GitHub's heading slugs (repeats numbered -1, -2…) and HTML ids. */
    Set<String> anchors(Path file) {
        return anchorsByFile.computeIfAbsent(file.toAbsolutePath().normalize(), MarkdownLinks::readAnchors);
    }

    private static Set<String> readAnchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : read(file)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int repeats = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
            }
        }
        return anchors;
    }

    /**
     * GitHub's anchor for a heading: its text as shown (a link's text, no backticks), lower case, every character
     * but letters, digits, '_', '-' and spaces dropped, spaces made hyphens.
     */
    static String slug(String heading) {
        String shown = MARKDOWN_LINK_TEXT.matcher(heading).replaceAll("$1").replace("`", "");
        StringBuilder slug = new StringBuilder();
        shown.trim().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
