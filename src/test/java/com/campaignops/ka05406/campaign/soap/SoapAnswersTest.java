package com.campaignops.ka05406.campaign.soap;

import com.campaignops.ka05406.outbound.CallFailure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static com.campaignops.ka05406.FakeCampaign.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SOAP answers and requests on their own: fixture envelopes in, typed results or reasons out. */
class SoapAnswersTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "fault-wrong-password.xml,  XSV-350012, AUTHENTICATION",
            "fault-ip-outside-zone.xml, XSV-350013, AUTHENTICATION",
            "fault-session-expired.xml, XSV-350008, SESSION_EXPIRED",
            "fault-no-read-right.xml,   XSV-350006, OTHER"})
    void faults_areTypedByTheCodeInTheirDetail(String fixture, String code, SoapFault.Kind kind) {
        assertThatThrownBy(() -> SoapAnswers.rows(fixture(fixture), "workflow"))
                .isInstanceOfSatisfying(SoapFault.class, fault -> {
                    assertThat(fault.getMessage()).contains(code);
                    assertThat(fault.kind()).isEqualTo(kind);
                    assertThat(fault.getMessage()).startsWith("SOAP fault: SOP-330011 Error while executing the method");
                });
    }

    @Test
    void lockedOperator_withoutACode_isAnAuthenticationFault() {
        String locked = fixture("fault-wrong-password.xml")
                .replace("XSV-350012 Invalid login or password. Connection denied.", "The account of operator 'sweep' is locked.");

        assertThatThrownBy(() -> SoapAnswers.logon(locked)).isInstanceOfSatisfying(SoapFault.class,
                fault -> assertThat(fault.kind()).isEqualTo(SoapFault.Kind.AUTHENTICATION));
    }

    @Test
    void logonResponse_givesTokensAndSessionInfo_andItsTextHidesTheTokens() {
        SoapAnswers.Logon logon = SoapAnswers.logon(fixture("logon-response.xml"));

        assertThat(logon.sessionToken()).isEqualTo("___fake-session-8f2c1e");
        assertThat(logon.securityToken()).isEqualTo("@fake-security-3d9a==");
        assertThat(logon.facts().instanceName()).isEqualTo("acme_mkt_prod1");
        assertThat(logon.facts().packages()).contains("nms:messageCenterControl");
        assertThat(logon.toString()).doesNotContain("fake-session").doesNotContain("fake-security");
    }

    @Test
    void collection_rowsAreTheAttributesOfItsDirectChildren() {
        List<Map<String, String>> rows = SoapAnswers.rows(fixture("workflows.xml"), "workflow");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("internalName", "mcSynch_mcExec1").containsEntry("failed", "1")
                .containsEntry("state", "13");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "login-page.html        | an HTML page",
            "journal-truncated.xml  | a truncated or malformed SOAP envelope",
            "journal-with-dtd.xml   | a document type declaration (<!DOCTYPE>), which SOAP forbids",
            "journal-with-external-dtd.xml | a document type declaration (<!DOCTYPE>), which SOAP forbids",
            "logoff-response.xml    | unexpected answer <LogoffResponse>"})
    void answersThatAreNotTheExpectedEnvelope_areRefusedWithAReason(String fixture, String reason) {
        assertThatThrownBy(() -> SoapAnswers.rows(fixture(fixture), "workflowLog"))
                .isInstanceOf(CallFailure.Permanent.class).hasMessageContaining(reason);
    }

    @Test
    void logonEnvelope_escapesEveryValue_andPutsAnEmptySessionTokenFirst() {
        String envelope = Envelopes.logon("o'neil<admin>", "a&b]]>\"c");

        assertThat(envelope).contains("<urn:Logon><urn:sessiontoken/><urn:strLogin>o'neil&lt;admin&gt;</urn:strLogin>")
                .contains("<urn:strPassword>a&amp;b]]&gt;\"c</urn:strPassword>");
    }

    @Test
    void queryExpressions_areCampaignLiteralsInsideEscapedAttributes() {
        String envelope = Envelopes.executeQuery(new Envelopes.QueryDef("xtk:workflow", List.of("@id"),
                List.of("@internalName LIKE " + Envelopes.literal("a'b\\c<&\"")), null, List.of("@id"), 10, 20));

        assertThat(envelope).contains("expr=\"@internalName LIKE 'a\\'b\\\\c&lt;&amp;&quot;'\"")
                .contains("lineCount=\"10\"").contains("startLine=\"20\"")
                .contains("<node expr=\"@id\" sortDesc=\"true\"/>");
    }
}
