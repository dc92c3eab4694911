package com.campaignops.ka05406.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignTimestampsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-06-13T04:00:03.512Z         | 2024-06-13T04:00:03.512Z
            2024-06-13T06:00:03.512+02:00    | 2024-06-13T04:00:03.512Z
            2024-06-13T06:00:03+0200         | 2024-06-13T04:00:03Z
            2024-06-13T00:00:03-04:00        | 2024-06-13T04:00:03Z
            2024-06-13T09:30:03+05:30        | 2024-06-13T04:00:03Z
            2024-06-13T04:00Z                | 2024-06-13T04:00:00Z
            2024-06-13 04:00:03.512Z         | 2024-06-13T04:00:03.512Z
            2024-06-13 04:00:03.512 UTC      | 2024-06-13T04:00:03.512Z
            2021-08-27 08:02:07.963-07       | 2021-08-27T15:02:07.963Z
            2021-08-27 08:02:07.963 -07:00   | 2021-08-27T15:02:07.963Z
            2024/06/13 04:00:03Z             | 2024-06-13T04:00:03Z
            2024-06-13T04:00:03,5Z           | 2024-06-13T04:00:03.500Z
            '  2024-06-13 04:00:03.512Z  '   | 2024-06-13T04:00:03.512Z
            """)
    void timestampWithAnOffset_isReadAsThatInstant_whateverTheZoneGiven(String text, Instant expected) {
        assertThat(CampaignTimestamps.parse(text)).isEqualTo(expected);
        assertThat(inZone(text, ZoneId.of("Asia/Tokyo"))).isEqualTo(expected);
    }

    /** A time as the grammar reads it, placed in {@code zone} when written without an offset. */
    private static Instant inZone(String text, ZoneId zone) {
        return CampaignTimestamps.readAt(text.strip(), 0).reading().instant(DateOrder.YMD, zone);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-06-13 06:00:03.512 | Europe/Paris     | 2024-06-13T04:00:03.512Z
            2024-01-13 06:00:03     | Europe/Paris     | 2024-01-13T05:00:03Z
            2024/06/13 06:00:03     | Europe/Paris     | 2024-06-13T04:00:03Z
            2024-06-13T00:00:03     | America/New_York | 2024-06-13T04:00:03Z
            2024-06-13 04:00        | UTC              | 2024-06-13T04:00:00Z
            2024-03-30 06:00:00     | Europe/Paris     | 2024-03-30T05:00:00Z
            2024-03-31 06:00:00     | Europe/Paris     | 2024-03-31T04:00:00Z
            2024-03-31 01:59:59     | Europe/Paris     | 2024-03-31T00:59:59Z
            2024-03-31 03:00:00     | Europe/Paris     | 2024-03-31T01:00:00Z
            2024-10-27 06:00:00     | Europe/Paris     | 2024-10-27T05:00:00Z
            2024-10-27 01:59:59     | Europe/Paris     | 2024-10-26T23:59:59Z
            2024-10-27 03:00:00     | Europe/Paris     | 2024-10-27T02:00:00Z
            """)
    void localTime_isReadInTheGivenZone_withTheOffsetOfThatDay(String text, ZoneId zone, Instant expected) {
        assertThat(inZone(text, zone)).isEqualTo(expected);
    }

    @Test
    void localTimeInTheSpringForwardGap_isReadWithTheOffsetBeforeTheGap() {
        // 02:30 never showed on a Paris clock on 2024-03-31: 02:00 CET jumped to 03:00 CEST.
        assertThat(inZone("2024-03-31 02:30:00", ZoneId.of("Europe/Paris")))
                .isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
    }

    @Test
    void localTimeInTheFallBackOverlap_isReadAsItsFirstOccurrence() {
        // 02:30 showed twice on a Paris clock on 2024-10-27: at 00:30Z (CEST) and again at 01:30Z (CET).
        assertThat(inZone("2024-10-27 02:30:00", ZoneId.of("Europe/Paris")))
                .isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-06-13 06:00:03.512", "2024-06-13T06:00:03", "2024/06/13 06:00:03"})
    void localTimeWithoutAZone_isRejected_namingTimeZone(String text) {
        assertThatThrownBy(() -> CampaignTimestamps.parse(text))
                .isInstanceOf(DateTimeException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("timeZone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday at six", "13/06/2024 06:00", "2024-06-13", "06:00:03",
            "2024-06-13T04:00:03Z trailing", "1718251203"})
    void textThatIsNotADateTime_isRejected_quotingIt(String text) {
        assertThatThrownBy(() -> CampaignTimestamps.parse(text))
                .isInstanceOf(DateTimeException.class)
                .hasMessageContaining("'" + text + "' is not a date-time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30 06:00:00Z", "2024-06-13 24:00:00Z", "2024-13-01 06:00:00Z",
            "2024-06-13 06:60:00Z", "2024-06-13 06:00:00+19"})
    void impossibleDateTime_isRejected(String text) {
        assertThatThrownBy(() -> CampaignTimestamps.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1718251203      | 2024-06-13T04:00:03Z
            1718251203512   | 2024-06-13T04:00:03.512Z
            0               | 1970-01-01T00:00:00Z
            4102444800      | 2100-01-01T00:00:00Z
            4102444800000   | 2100-01-01T00:00:00Z
            """)
    void epochNumber_isReadAsSecondsOrMilliseconds_byItsSize(long epoch, Instant expected) {
        assertThat(CampaignTimestamps.fromEpoch(epoch)).isEqualTo(expected);
    }

    /** The grammar as the regular expression it was until the reader was written by hand (see the class comment). */
    private static final Pattern GRAMMAR = Pattern.compile(
            "(\\d{4})[-/](\\d{2})[-/](\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                    + "(?: ?(Z|UTC(?![+-]\\d)|[+-]\\d{2}(?::?\\d{2})?))?");

    @Test
    void handReader_readsWhatTheGrammarsRegexReads_onGeneratedText() {
        Random random = new Random(5406);
        String[] forms = {"2024-06-13T04:00:03.123456789Z", "2024-06-13T04:00:03.1234567890Z",
                "2021-08-27 08:02:07.963-07", "2024/06/13 04:00:03,5 UTC", "2024-06-13 04:00 +0200x",
                "2024-06-13 04:00:03.512 +02:00 tail", "2024-06-13T04:00:03+05:3", "2024-06-13 04:00:03\tinfo", "2024-06-14 06:00:03 UTC+02:00"};
        for (int i = 0; i < 50_000; i++) {
            String text = mutate(random, forms[i % forms.length]);
            Matcher m = GRAMMAR.matcher(text);
            CampaignTimestamps.Written written = CampaignTimestamps.readAt(text, 0);

            if (m.lookingAt()) {
                assertThat(written).as("'%s'", text).isNotNull();
                assertThat(written.end()).as("end of '%s'", text).isEqualTo(m.end());
                assertThat(written.offset()).as("offset of '%s'", text).isEqualTo(m.group(8));
                assertThat(written.second()).as("second of '%s'", text)
                        .isEqualTo(m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                assertThat(written.nano()).as("nano of '%s'", text).isEqualTo(m.group(7) == null ? 0
                        : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
            } else {
                assertThat(written).as("'%s'", text).isNull();
            }
        }
    }

    private static String mutate(Random random, String text) {
        StringBuilder out = new StringBuilder(text);
        for (int n = random.nextInt(3); n > 0 && out.length() > 0; n--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, "09:.,-+ZU ".charAt(random.nextInt(10)));
                default -> out.setLength(at);
            }
        }
        return out.toString();
    }
}
