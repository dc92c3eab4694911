package com.campaignops.ka05406.diagnosis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowMentionsTest {

    private final WorkflowMentions mentions = new WorkflowMentions(new WorkflowPattern(List.of("mcSynch_*")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Workflow 'mcSynch_rt_prod2' is being run                                           | mcSynch_rt_prod2
            Workflow 'WKF11' is being run                                                      | WKF11
            Workflow 'WKF6' wird ausgeführt                                                    | WKF6
            ワークフロー「WKF4」を実行中                                                          | WKF4
            Workflow failed: Message Center rt_prod2 (mcSynch_rt_prod2) (mkt_prod)             | mcSynch_rt_prod2
            Workflow failed: Update seed network for Inbox Rendering (updateRenderingSeeds) (fsd) | updateRenderingSeeds
            "error while evaluating script 'mcSynch_mcExec1/jsReplicateUrl'. (iRc=-53)"        | mcSynch_mcExec1
            mcSynch_rt_prod3: Empty return for method 'Logon' of service 'xtk:session'.        | mcSynch_rt_prod3
            Empty return for method 'Logon' of service 'xtk:session'.                          | ""
            Activity 'js1' processed 13 records of nms:extAccount (step 1)                     | ""
            "Starting workflow (operator 'Administrator (admin)')"                             | ""
            """)
    void lineNamesTheWorkflowsItMentions_andNoneForAPlainMessage(String line, String expected) {
        List<String> names = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));

        assertThat(mentions.namedIn(line, line.toLowerCase(Locale.ROOT))).isEqualTo(names);
    }
}
