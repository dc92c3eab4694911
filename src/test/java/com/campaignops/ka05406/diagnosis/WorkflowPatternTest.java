package com.campaignops.ka05406.diagnosis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowPatternTest {

    @ParameterizedTest(name = "{0} matches mcSynch_*: {1}")
    @CsvSource(textBlock = """
            mcSynch_mcExec1,   true
            mcSynch_mcExec,    true
            MCSYNCH_MCEXEC1,   true
            mcsynch_rt_prod,   true
            mcSynch_,          true
            mcSync_mcExec,     false
            mcSynch,           false
            xmcSynch_mcExec1,  false
            tracking,          false
            agg_messageCenter_full, false
            """)
    void defaultPattern_matchesSynchronizationWorkflows_regardlessOfCase(String workflow, boolean expected) {
        assertThat(new WorkflowPattern(List.of("mcSynch_*")).matches(workflow)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} matches mcSynch_mcExec?, custom.*: {1}")
    @CsvSource(textBlock = """
            mcSynch_mcExec1,    true
            mcSynch_mcExec12,   false
            custom.sync,        true
            customXsync,        false
            """)
    void globs_knowOnlyStarAndQuestionMark_andTakeEveryOtherCharacterLiterally(String workflow, boolean expected) {
        assertThat(new WorkflowPattern(List.of("mcSynch_mcExec?", "custom.*")).matches(workflow)).isEqualTo(expected);
    }

    @Test
    void noWorkflow_matchesNothing() {
        assertThat(new WorkflowPattern(List.of("*")).matches(null)).isFalse();
    }

    @Test
    void pattern_describesItselfByItsGlobs() {
        assertThat(new WorkflowPattern(List.of("mcSynch_*", "mcSync_*"))).hasToString("mcSynch_*, mcSync_*");
    }
}
