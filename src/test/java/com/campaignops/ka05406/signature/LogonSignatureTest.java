package com.campaignops.ka05406.signature;

import com.campaignops.ka05406.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

class LogonSignatureTest {

    private final LogonSignature signature = new LogonSignature();

    /** The article's own phrasings, copied line for line from the French, Italian and Swedish KB copies. */
    static List<String> knowledgeBasePhrasings() {
        return Fixtures.lines("signatures/positive.txt");
    }

    /** Logon failures from research §1.4 that do not depend on timing, and other everyday journal text. */
    static List<String> neighbouringErrors() {
        return Fixtures.lines("signatures/negative.txt");
    }

    static Stream<String> theSameErrorWrittenDifferently() {
        String english = "Empty return for method 'Logon' of service 'xtk:session'.";
        return Stream.of(
                english,
                "SOP-330011 " + english,
                "SOP-330011 Error while executing the method 'Logon' of service 'xtk:session'.\n" + english,
                "EMPTY RETURN FOR METHOD 'LOGON' OF SERVICE 'XTK:SESSION'",
                "Empty return for method &#39;Logon&#39; of service &#39;xtk:session&#39;.",
                "Empty return for method &quot;Logon&quot; of service &quot;xtk:session&quot;.",
                "Empty return for method &#x27;Logon&#x27; of service &#x27;xtk:session&#x27;.",
                "Empty return for method &amp;#39;Logon&amp;#39; of service &amp;#39;xtk:session&amp;#39;.",
                "Empty return for method \u2018Logon\u2019 of service \u2018xtk:session\u2019.",
                "Empty return for method \u201cLogon\u201d of service \u201cxtk:session\u201d.",
                "Empty return for method \u00abLogon\u00bb of service \u00abxtk:session\u00bb.",
                "Empty return for method Logon of service xtk: session",
                "Empty return for method 'xtk:session#Logon'",
                "Empty\u00a0return for method 'Logon' of service 'xtk:session'.",
                "Empty&#160;return for method 'Logon' of service 'xtk:session'.",
                "Empty&nbsp;return for method 'Logon' of service 'xtk:session'.",
                "Retour vide pour la m\u00e9thode \u00ab\u00a0Logon\u00a0\u00bb du service \u00ab\u202fxtk\u202f:\u202fsession\u202f\u00bb",
                "2024-06-13T04:00:03.512Z\t41233\t41260\t1\terror\tlog\t" + english,
                "2024-06-13T04:00:03.512Z\t41233\t41260\t1\terror\tlog\tSOP-330011 " + english,
                "2024-06-13 04:00:03.512Z  41233  41260  1  error  log  " + english);
    }

    @ParameterizedTest
    @MethodSource("knowledgeBasePhrasings")
    void everyPhrasingOfTheKnowledgeBaseArticle_isTheSignature(String phrasing) {
        Recognition recognition = signature.recognise(phrasing);

        assertThat(recognition.matchesSignature()).isTrue();
        assertThat(recognition.neighbour()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("theSameErrorWrittenDifferently")
    void theEnglishErrorHoweverQuotedEscapedPrefixedOrEmbedded_isTheSignature(String text) {
        assertThat(signature.recognise(text).matchesSignature()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("neighbouringErrors")
    void neighbouringLogonFailuresAndOtherErrors_areNotTheSignature(String text) {
        assertThat(signature.recognise(text).matchesSignature()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // The lockout text is not documented (research §1.4): this one is constructed.
            "Logon of operator 'mc' refused: too many failed attempts, the account is locked for 5 minutes.",
            "Empty return for method 'Logoff' of service 'xtk:session'.",
            "Empty return for method 'Write' of service 'xtk:session'.",
            "Empty return for method 'Logon' of service 'xtk:persist'.",
            "Error while executing the method 'Logon' of service 'xtk:session': empty password.",
            "Empty return",
            "xtk:session Logon"})
    void textMissingOneOfTheThreePieces_isNotTheSignature(String text) {
        assertThat(signature.recognise(text).matchesSignature()).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void noText_isNeitherTheSignatureNorANeighbour(String text) {
        Recognition recognition = signature.recognise(text);

        assertThat(recognition.matchesSignature()).isFalse();
        assertThat(recognition.neighbour()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            XSV-350012 Invalid login or password. Connection denied.                         | WRONG_PASSWORD
            Invalid login or password. Connection denied.                                    | WRONG_PASSWORD
            XSV-350008 Session has expired or is invalid. Please reconnect.                  | SESSION_EXPIRED
            XSV-350013 The '10.0.0.1' IP address via which...                                | IP_NOT_IN_SECURITY_ZONE
            IOB-090020 Error in SSL library: 'IOB-090013 error:14090086:SSL routines:ssl3_get_server_certificate:certificate verify failed (code 336134278)' | TLS_FAILURE
            Logon refused: too many failed attempts, the account is locked for 5 minutes.    | ACCOUNT_LOCKED
            Operator 'mc' locked out: the key is banned for 5 minutes.                         | ACCOUNT_LOCKED
            IOB-090007 Network error (send(), errno=111: Connection refused)                 | CONNECTION_REFUSED
            Communication error with server: please make sure it is configured correctly.    | CONNECTION_REFUSED
            """)
    void neighbouringLogonFailure_isNamed(String text, NeighbourError expected) {
        assertThat(signature.recognise(text).neighbour()).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SOP-330011 Error while executing the method 'Logon' of service 'xtk:session'.",
            "SOP-330006 The method 'Logon' is not defined in SOAP service 'xtk:session'.",
            "Empty return for method 'Logon' of service 'xtk:session'."})
    void errorsWithoutATimingIndependentCause_nameNoNeighbour(String text) {
        assertThat(signature.recognise(text).neighbour()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Empty return for method 'Logon' of service 'xtk:session': invalid response from server.",
            "Empty return for method 'Logon' of service 'xtk:session'.\nXML document is invalid.",
            "Empty return for method 'Logon' of service 'xtk:session'. The workflow is blocked until its next run.",
            "Empty return for method 'Logon' of service 'xtk:session'. Operator 'mc' unlocked."})
    void signatureNextToWordsThatOnlyLookLikeANeighbour_isStillTheSignature(String text) {
        Recognition recognition = signature.recognise(text);

        assertThat(recognition.matchesSignature()).isTrue();
        assertThat(recognition.neighbour()).isEmpty();
    }

    @Test
    void signatureNextToAWrongPassword_isNotTheSignature_becauseMovingTheSchedulerWouldNotHelp() {
        Recognition recognition = signature.recognise("Empty return for method 'Logon' of service 'xtk:session'.\n"
                + "XSV-350012 Invalid login or password. Connection denied.");

        assertThat(recognition.matchesSignature()).isFalse();
        assertThat(recognition.neighbour()).contains(NeighbourError.WRONG_PASSWORD);
    }

    @Test
    void signatureNextToAConnectionRefused_isStillTheSignature_becauseARestartRefusesConnectionsToo() {
        Recognition recognition = signature.recognise("Empty return for method 'Logon' of service 'xtk:session'.\n"
                + "IOB-090007 Network error (send(), errno=111: Connection refused)");

        assertThat(recognition.matchesSignature()).isTrue();
        assertThat(recognition.neighbour()).contains(NeighbourError.CONNECTION_REFUSED);
    }

    static Stream<String> everyTextAbove() {
        return Stream.of(knowledgeBasePhrasings().stream(), neighbouringErrors().stream(), theSameErrorWrittenDifferently(),
                Stream.of("Empty return for method 'Logon' of service 'xtk:session'.\nXSV-350012 Invalid login or password.",
                        "Empty return for method 'Logon' of service 'xtk:session'.\nIOB-090007 Connection refused",
                        "", " ", "xtk:session")).flatMap(s -> s);
    }

    @ParameterizedTest
    @MethodSource("everyTextAbove")
    void journalLineCheck_answersAsFullRecognitionDoes(String text) {
        assertThat(signature.signatureIn(text) != null).isEqualTo(signature.recognise(text).matchesSignature());
    }

    /** A QuickTheories property (seed 5406): a failure reports the shortest text it shrank to. */
    @Test
    void journalLineCheck_answersAsFullRecognitionDoes_onGeneratedText() {
        String[] pieces = {"Empty return for method ", "'Logon'", " of service ", "'xtk:session'", "XTK", "x", "tk",
                ":session", "&#39;", "&amp;", "&", "\u212A", "\u00a0", "\u2019", " ", "\t", "Invalid login or password",
                "Connection refused", "retour vide", "\u00abLogon\u00bb", "SOP-330011 ", "locked", "\uD83D\uDE00"};
        Gen<String> texts = lists().of(arbitrary().pick(pieces)).ofSizeBetween(0, 8).map(p -> String.join("", p));
        AtomicInteger signatures = new AtomicInteger();
        qt().withFixedSeed(5406).withExamples(20_000).forAll(texts).checkAssert(text -> {
            boolean full = signature.recognise(text).matchesSignature();
            signatures.addAndGet(full ? 1 : 0);

            assertThat(signature.signatureIn(text) != null).as("'%s'", text).isEqualTo(full);
        });
        assertThat(signatures).as("generated texts holding the signature").hasValueBetween(200, 19_800);
    }

    /**
     * Found by FuzzedInputTest: decoding until nothing changed took time quadratic in the layers of
     * &amp;amp;… (seconds for 16 KB). The timeout is a hang guard, not a performance target.
     */
    @Test
    @org.junit.jupiter.api.Timeout(10)
    void entityEscapedManyTimesOver_isDecodedInLinearTime() {
        String quote = "&" + "amp;".repeat(64_000) + "#39;";
        String error = "Empty return for method " + quote + "Logon" + quote + " of service " + quote + "xtk:session" + quote;

        assertThat(signature.recognise(error).matchesSignature()).isTrue();
    }
}
