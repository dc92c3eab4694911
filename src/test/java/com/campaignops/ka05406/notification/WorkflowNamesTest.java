package com.campaignops.ka05406.notification;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
