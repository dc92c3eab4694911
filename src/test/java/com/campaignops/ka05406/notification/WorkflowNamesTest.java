package com.campaignops.ka05406.notification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            mcSynch_rt_prod2                                       | mcSynch_rt_prod2
            Message Center rt_prod2                                | mcSynch_rt_prod2
            Message Center rt_prod2 (mcSynch_rt_prod2)             | mcSynch_rt_prod2
            Message Center execution (mcSynch_mcExec1)             | mcSynch_mcExec1
            Some label (not a name!)                               | Some label (not a name!)
            Message Center rt-prod2                                | Message Center rt-prod2
            """)
    void aWorkflowGivenByItsLabel_isReadAsItsInternalName(String given, String internalName) {
        assertThat(WorkflowNames.DEFAULT.internalNameOf(given)).isEqualTo(internalName);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            mcExec1                 | true
            rt_prod2                | true
            2nd_exec                | true
            _                       | true
            ''                      | false
            rt-prod2                | false
            rt prod2                | false
            rt.prod2                | false
            prod/2                  | false
            exécution               | false
            """)
    void anExternalAccountName_isLettersDigitsAndUnderscores(String name, boolean valid) {
        assertThat(WorkflowNames.isAccountName(name)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} characters -> {1}")
    @CsvSource({"64, true", "65, false"})
    void anExternalAccountName_hasAtMost64Characters(int length, boolean valid) {
        assertThat(WorkflowNames.isAccountName("a".repeat(length))).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} -> instance {1}")
    @CsvSource(textBlock = """
            mcSynch_mcExec1,     mcExec1
            MCSYNCH_mcExec1,     mcExec1
            mcSynch_,
            mcSynch_mc-exec,
            mcSync_mcExec,
            """)
    void theDefaultPattern_readsTheInstanceAfterMcSynch(String workflow, String instance) {
        assertThat(WorkflowNames.DEFAULT.instanceOf(workflow)).isEqualTo(instance);
        assertThat(WorkflowNames.DEFAULT.workflowOf("mcExec1")).isEqualTo("mcSynch_mcExec1");
    }

    @Test
    void customPatterns_nameTheInstanceByTheirStar_theFirstOneNamingItsWorkflow() {
        WorkflowNames names = new WorkflowNames(List.of("mcSynch_mcExec?", "sync_*_prod", "mcSync_*"));

        assertThat(names.instanceOf("SYNC_rt2_PROD")).isEqualTo("rt2");
        assertThat(names.instanceOf("mcSync_rt3")).isEqualTo("rt3");
        assertThat(names.instanceOf("mcSynch_mcExec1")).isNull();
        assertThat(names.workflowOf("rt2")).isEqualTo("sync_rt2_prod");
        assertThat(names.internalNameOf("Message Center rt2")).isEqualTo("sync_rt2_prod");
    }

    @Test
    void patternsThatNameNoInstance_keepCampaignsOwnNames() {
        WorkflowNames names = new WorkflowNames(List.of("mcSynch_mcExec?", "a*b*c"));

        assertThat(names.instanceOf("mcSynch_mcExec1")).isEqualTo("mcExec1");
        assertThat(names.workflowOf("mcExec1")).isEqualTo("mcSynch_mcExec1");
    }
}
