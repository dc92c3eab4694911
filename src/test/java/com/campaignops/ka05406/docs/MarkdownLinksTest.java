package com.campaignops.ka05406.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The README, docs/, bench/ and every other Markdown file of the project link only to files, folders and headings
 * that exist. Links into ../shared leave the project: CI has shared/ beside the clone, as a developer has.
 */
class MarkdownLinksTest {

    /** Maven runs the tests from the project's root folder. */
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void everyRelativeLinkAndAnchorOfTheProjectsMarkdown_leadsSomewhere() {
        List<Path> files = MarkdownLinks.markdownFiles(PROJECT);
        assertThat(files).as("the Markdown files found").contains(PROJECT.resolve("README.md"),
                PROJECT.resolve("docs/contract.md"), PROJECT.resolve("bench/README.md"));

        MarkdownLinks links = new MarkdownLinks();
        List<MarkdownLinks.DeadLink> dead = files.stream().flatMap(file -> links.deadLinks(file).stream()).toList();

        assertThat(dead).as("dead links").isEmpty();
    }

    @Test
    void aMissingFile_aMissingHeading_andAMissingAnchorInAnotherFile_areEachReported(@TempDir Path root)
            throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/page.md"), """
                # A page

                ## Signing a webhook request
                """);
        Files.writeString(root.resolve("README.md"), """
                # Title

                [fine](docs/page.md#signing-a-webhook-request) [fine too](#title) [a folder](docs)
                [gone](docs/missing.md) [no such heading](#nowhere)
                [no such heading there](docs/page.md#signing) `[in code](nowhere.md)` [web](https://example.com/x#y)

                ```
                [in a fence](nowhere.md)
                ```
                [defined]: docs/absent.md
                """);

        List<MarkdownLinks.DeadLink> dead = new MarkdownLinks().deadLinks(root.resolve("README.md"));

        assertThat(dead).extracting(MarkdownLinks.DeadLink::line, MarkdownLinks.DeadLink::target).containsExactly(
                tuple(4, "docs/missing.md"),
                tuple(4, "#nowhere"),
                tuple(5, "docs/page.md#signing"),
                tuple(10, "docs/absent.md"));
    }

    @Test
    void buildOutput_isNotSearchedForMarkdown(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("target/site"));
        Files.createDirectories(root.resolve("bench/jmh/target"));
        Files.writeString(root.resolve("target/site/generated.md"), "[dead](nowhere.md)");
        Files.writeString(root.resolve("bench/jmh/target/generated.md"), "[dead](nowhere.md)");
        Files.writeString(root.resolve("README.md"), "# Title");

        assertThat(MarkdownLinks.markdownFiles(root)).containsExactly(root.resolve("README.md"));
    }

    @ParameterizedTest(name = "{0} -> #{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            Quick start                                                   | quick-start
            The sweep against a fake Campaign (`bench/sweep`)             | the-sweep-against-a-fake-campaign-benchsweep
            Latest: the final code of 2026-11-30 (09:15Z, commit 8d8dc90) | latest-the-final-code-of-2026-11-30-0915z-commit-8d8dc90
            JMH: the pure core (`bench/jmh`)                              | jmh-the-pure-core-benchjmh
            Why: `LogonSignature.recognise` (profiled)                    | why-logonsignaturerecognise-profiled
            See [Alerts](docs/alerts.md) now                              | see-alerts-now
            Dates that read either way round                              | dates-that-read-either-way-round
            Réglages de l'heure                                           | réglages-de-lheure
            snake_case and a-hyphen                                       | snake_case-and-a-hyphen
            """)
    void headingSlug_isGitHubs(String heading, String anchor) {
        assertThat(MarkdownLinks.slug(heading)).isEqualTo(anchor);
    }

    @Test
    void repeatedHeadings_getNumberedAnchors(@TempDir Path root) throws IOException {
        Path page = root.resolve("page.md");
        Files.writeString(page, "# Results\n## Local run\n## Local run\n## Local run\n");

        assertThat(new MarkdownLinks().anchors(page)).containsExactly("results", "local-run", "local-run-1",
                "local-run-2");
    }
}
