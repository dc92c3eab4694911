package com.campaignops.ka05406.config;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template linter the documentation quotes, run by the test command itself (so {@code .ci/run} stays exactly
 * {@code ./mvnw -B test}): {@code cfn-lint} with the SAM transform on {@code template.yaml} and on the container-image
 * variant {@code aot/image-template} writes; warnings are shown, an error fails. cfn-lint is a Python tool the machine
 * image carries and PyPI is not reachable to install it: where it is missing the test is skipped, saying so, and
 * TemplateSettingsTest still checks the template's environment against the settings.
 */
class TemplateLintTest {

    @Test
    void templateAndImageTemplate_haveNoCfnLintError() throws Exception {
        Assumptions.assumeTrue(onPath("cfn-lint"), "cfn-lint is not installed: the templates were NOT linted");
        Path image = Path.of("target", "template-image.yaml");
        Files.createDirectories(image.getParent());
        assertThat(run(List.of("aot/image-template", image.toString())).exit()).as("aot/image-template").isZero();

        Result lint = run(List.of("cfn-lint", "--non-zero-exit-code", "error", "template.yaml", image.toString()));

        assertThat(lint.exit()).as("cfn-lint errors:%n%s", lint.output()).isZero();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
