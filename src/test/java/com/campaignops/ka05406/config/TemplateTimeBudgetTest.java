package com.campaignops.ka05406.config;

import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml against the time budget (issue 19, items 1 and 6): the function's Timeout covers the sweep's
 * configured worst case (its whole budget, the margin kept back for the answer), and the sweep's own schedule
 * hands the function its scheduled time and the period the code reads.
 */
class TemplateTimeBudgetTest {

    private static final String TEMPLATE = read();

    @Test
    void theFunctionTimeout_coversTheSweepsBudgetAndTheMargin() throws Exception {
        Matcher timeout = Pattern.compile("\\n    Timeout: (\\d+)\\n").matcher(TEMPLATE);
        assertThat(timeout.find()).as("Globals.Function.Timeout").isTrue();
        Duration lambdaTimeout = Duration.ofSeconds(Long.parseLong(timeout.group(1)));
        Duration deadline = setting("RESTART_CHECK_CAMPAIGN_DEADLINE",
                defaultOf(RestartCheckConfig.Campaign.class, "deadline"));
        Duration margin = setting("RESTART_CHECK_TIME_MARGIN", defaultOf(RestartCheckConfig.class, "timeMargin"));

        assertThat(deadline.plus(margin)).isLessThanOrEqualTo(lambdaTimeout);
        // And the budget leaves the reads time once the Logoff and one alert attempt have theirs.
        Duration logoff = defaultOf(RestartCheckConfig.Campaign.class, "attemptTimeout");
        Duration alert = defaultOf(com.campaignops.ka05406.alerts.AlertsConfig.class, "connectTimeout")
                .plus(defaultOf(com.campaignops.ka05406.alerts.AlertsConfig.class, "attemptTimeout"));
        assertThat(deadline.minus(logoff).minus(alert)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theSweepsOwnSchedule_carriesItsScheduledTime_andItsPeriod() {
        assertThat(TEMPLATE).contains("ScheduleExpression: !Sub rate(${SweepEveryMinutes} minutes)")
                .contains("InputPathsMap: {time: $.time}")
                .contains("InputTemplate: '{\"action\": \"sweep\", \"scheduledAt\": <time>}'")
                .contains("RESTART_CHECK_CAMPAIGN_SWEEP_PERIOD: !If [HasOwnSweepSchedule, !Sub \"PT${SweepEveryMinutes}M\", \"\"]");
        // The audit stays daily.
        assertThat(TEMPLATE).contains("Default: cron(15 7 * * ? *)");
    }

    /** The value the template sets for {@code variable}, else {@code byDefault}. */
    private static Duration setting(String variable, Duration byDefault) {
        Matcher set = Pattern.compile("\\n\\s+" + variable + ": (\\S+)\\n").matcher(TEMPLATE);
        return set.find() ? Duration.parse(set.group(1)) : byDefault;
    }

    private static Duration defaultOf(Class<?> mapping, String method) throws NoSuchMethodException {
        return Duration.parse(mapping.getMethod(method).getAnnotation(WithDefault.class).value());
    }

    private static String read() {
        try {
            return Files.readString(Path.of("template.yaml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
