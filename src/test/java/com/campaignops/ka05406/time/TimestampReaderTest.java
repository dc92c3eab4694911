package com.campaignops.ka05406.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every form {@link TimestampReader} reads, and what it refuses, one row each: the reader's contract, written
 * before its grammar was shared with {@link CampaignTimestamps} and its month names taken from the JDK.
 */
class TimestampReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # ISO-8601 and Campaign's own forms, with every offset the two grammars write
            2024-06-13T04:00:03.512Z            | 2024-06-13T04:00:03.512       | Z      | YMD | -
            2024-06-13T04:00:03.123456789Z      | 2024-06-13T04:00:03.123456789 | Z      | YMD | -
            2024-06-13T04:00:03,5Z              | 2024-06-13T04:00:03.5         | Z      | YMD | -
            2024-06-13T04:00Z                   | 2024-06-13T04:00              | Z      | YMD | -
            2024-06-13 04:00:03.512 UTC         | 2024-06-13T04:00:03.512       | Z      | YMD | -
            2024-06-13T06:00:03+0200            | 2024-06-13T06:00:03           | +02:00 | YMD | -
            2024-06-13T06:00:03.512+02:00       | 2024-06-13T06:00:03.512       | +02:00 | YMD | -
            2021-08-27 08:02:07.963-07          | 2021-08-27T08:02:07.963       | -07:00 | YMD | -
            2021-08-27 08:02:07.963 -07:00      | 2021-08-27T08:02:07.963       | -07:00 | YMD | -
            2024-06-13T09:30:03+05:30           | 2024-06-13T09:30:03           | +05:30 | YMD | -
            2024/06/13 04:00:03Z                | 2024-06-13T04:00:03           | Z      | YMD | -
            2024-06-14 06:00:03 GMT+2           | 2024-06-14T06:00:03           | +02:00 | YMD | -
            2024-06-14 06:00:03 UTC+02:00       | 2024-06-14T06:00:03           | +02:00 | YMD | -
            2024-06-14T06:00:03 UTC+2           | 2024-06-14T06:00:03           | +02:00 | YMD | -
            2024-06-14 06:00:03 GMT-0330        | 2024-06-14T06:00:03           | -03:30 | YMD | -
            2024-06-14 06:00:03 GMT+5:30        | 2024-06-14T06:00:03           | +05:30 | YMD | -
            2024-06-14 06:00:03 GMT             | 2024-06-14T06:00:03           | Z      | YMD | -
            2024-06-14 06:00:03  +02:00         | 2024-06-14T06:00:03           | +02:00 | YMD | -
            2024-06-14 06:00:03 +2              | 2024-06-14T06:00:03           | +02:00 | YMD | -
            2024-06-14 06:00:03UTC+02:00        | 2024-06-14T06:00:03           | +02:00 | YMD | -
            2024-06-13 06:00:03.512             | 2024-06-13T06:00:03.512       | -      | YMD | -
            2024-06-13T06:00                    | 2024-06-13T06:00              | -      | YMD | -
            '  2024-06-13 04:00:03.512Z  '      | 2024-06-13T04:00:03.512       | Z      | YMD | -
            # numeric dates of the consoles: day first, month first, or either
            27/10/2025 07:01:12                 | 2025-10-27T07:01:12           | -      | DMY | -
            27/10/2025 7:01                     | 2025-10-27T07:01              | -      | DMY | -
            27-10-2025 07:01:12                 | 2025-10-27T07:01:12           | -      | DMY | -
            24.07.2020 13:12:43                 | 2020-07-24T13:12:43           | -      | DMY | -
            03.04.2025 06:00                    | 2025-04-03T06:00              | -      | DMY | -
            10/27/2025 7:01:12 AM               | 2025-10-27T07:01:12           | -      | MDY | -
            01/17/2017 5:02:26 PM               | 2017-01-17T17:02:26           | -      | MDY | -
            03/30/2025 6:00:40 PM               | 2025-03-30T18:00:40           | -      | MDY | -
            03/04/2025 06:00:40                 | 2025-04-03T06:00:40           | -      | -   | 2025-03-04T06:00:40
            3/4/2025 6:00                       | 2025-04-03T06:00              | -      | -   | 2025-03-04T06:00
            03-04-2025 06:00                    | 2025-04-03T06:00              | -      | -   | 2025-03-04T06:00
            02/03/2025 8:00:04 AM               | 2025-03-02T08:00:04           | -      | -   | 2025-02-03T08:00:04
            03/03/2025 06:00                    | 2025-03-03T06:00              | -      | -   | -
            27/10/2025 07:01:12.5               | 2025-10-27T07:01:12.5         | -      | DMY | -
            27/10/2025 07:01:12,123             | 2025-10-27T07:01:12.123       | -      | DMY | -
            27/10/2025 07:01:12.1234567891      | -                             | -      | -   | -
            27/10/2025 07:01:12 Z               | 2025-10-27T07:01:12           | Z      | DMY | -
            27/10/2025 07:01:12 UTC             | 2025-10-27T07:01:12           | Z      | DMY | -
            27/10/2025 07:01:12 GMT-3           | 2025-10-27T07:01:12           | -03:00 | DMY | -
            27/10/2025 07:01:12 +0200           | 2025-10-27T07:01:12           | +02:00 | DMY | -
            27/10/2025 07:01:12+02:00           | 2025-10-27T07:01:12           | +02:00 | DMY | -
            27/10/2025 7:01:12 PM UTC+1         | 2025-10-27T19:01:12           | +01:00 | DMY | -
            # the 12-hour clock, written every way
            10/27/2025 7:01:12AM                | 2025-10-27T07:01:12           | -      | MDY | -
            10/27/2025 7:01 pm                  | 2025-10-27T19:01              | -      | MDY | -
            10/27/2025 7:01 p.m.                | 2025-10-27T19:01              | -      | MDY | -
            10/27/2025 7:01 P.M.                | 2025-10-27T19:01              | -      | MDY | -
            10/27/2025 12:01 AM                 | 2025-10-27T00:01              | -      | MDY | -
            10/27/2025 12:01 PM                 | 2025-10-27T12:01              | -      | MDY | -
            # year first, and the Japanese console
            2025/3/2 6:00:09                    | 2025-03-02T06:00:09           | -      | YMD | -
            2025-3-2 6:00                       | 2025-03-02T06:00              | -      | YMD | -
            2025.03.02 06:00                    | 2025-03-02T06:00              | -      | YMD | -
            2025/04/21 6:01:26 +09:00           | 2025-04-21T06:01:26           | +09:00 | YMD | -
            2025年3月2日 6:00:09                 | 2025-03-02T06:00:09           | -      | YMD | -
            2025年12月24日 18:00                  | 2025-12-24T18:00              | -      | YMD | -
            2020/07/24 午後 1:33:15              | 2020-07-24T13:33:15           | -      | YMD | -
            2025/04/21 午前 6:01:26              | 2025-04-21T06:01:26           | -      | YMD | -
            2025/04/21 午前 12:01:26             | 2025-04-21T00:01:26           | -      | YMD | -
            2025/04/21 午後12:01                 | 2025-04-21T12:01              | -      | YMD | -
            # month names
            2 mars 2025 06:00:09                | 2025-03-02T06:00:09           | -      | -   | -
            2. März 2025 06:00                  | 2025-03-02T06:00              | -      | -   | -
            2 Févr. 2025 06:00                  | 2025-02-02T06:00              | -      | -   | -
            02 août 2025 06:00 +02:00           | 2025-08-02T06:00              | +02:00 | -   | -
            2 March 2025, 06:00                 | 2025-03-02T06:00              | -      | -   | -
            22 Nov 2026 07:14:00 GMT            | 2026-11-22T07:14              | Z      | -   | -
            2 mars 2025 6:00 PM                 | 2025-03-02T18:00              | -      | -   | -
            March 2, 2025 6:00:09 AM            | 2025-03-02T06:00:09           | -      | -   | -
            Mar 2, 2025, 6:00 PM                | 2025-03-02T18:00              | -      | -   | -
            March 2 2025 6:00                   | 2025-03-02T06:00              | -      | -   | -
            SEPT. 30, 2025 23:59:59.999 Z       | 2025-09-30T23:59:59.999       | Z      | -   | -
            """)
    void everyFormReadToday_givesItsDateTimeOffsetAndOrder(String text, LocalDateTime local, String offset,
                                                            DateOrder shown, LocalDateTime monthFirst) {
        if (local == null) {
            assertThatThrownBy(() -> TimestampReader.parse(text)).isInstanceOf(DateTimeException.class);
            return;
        }
        TimeReading reading = TimestampReader.parse(text);

        assertThat(reading.local()).isEqualTo(local);
        assertThat(reading.offset()).isEqualTo(offset == null ? null : ZoneOffset.of(offset));
        assertThat(reading.shown()).isEqualTo(shown);
        assertThat(reading.monthFirst()).isEqualTo(monthFirst);
        assertThat(reading.end()).isEqualTo(text.strip().length());
    }

    @Test
    void noBreakSpaces_separateLikeSpaces() {
        TimeReading reading = TimestampReader.parse("2\u00a0mars\u00a02025\u202f06:00\u00a0PM\u00a0+01:00");

        assertThat(reading.local()).isEqualTo(LocalDateTime.parse("2025-03-02T18:00"));
        assertThat(reading.offset()).isEqualTo(ZoneOffset.ofHours(1));
    }

    /** Inside a line: where the timestamp ends is what the journal reader cuts on. */
    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2024-06-13T04:00:03.512Z 41233 error              | 0  | 24 | Z
            2024-06-13 04:00:03 Erreur Retour vide             | 0  | 19 | -
            2024-06-13T04:00:03Zx                              | 0  | 20 | Z
            2024-06-13 04:00 +0200x                            | 0  | 22 | +02:00
            2024-06-13 04:00:03 +02001                         | 0  | 25 | +02:00
            2024-06-13 04:00:03 +2x                            | 0  | 22 | +02:00
            2024-06-13 04:00:03 UTC+123                        | 0  | 19 | -
            2024-06-13 04:00:03 UTCx                           | 0  | 23 | Z
            2024-06-13 04:00:03.1234567891Z                    | 0  | 29 | -
            2024-06-13 04:00:03Z01                             | 0  | 20 | Z
            2024-06-13 04:00:031                               | 0  | 19 | -
            27/10/2025 07:01:12 Zx                             | 0  | 19 | -
            27/10/2025 07:01:12 ZZ                             | 0  | 19 | -
            27/10/2025 07:01:12 UTC+123                        | 0  | 19 | -
            27/10/2025 07:01:12 +02:00:00                      | 0  | 26 | +02:00
            27/10/2025 07:01:12 +02:001                        | 0  | 23 | +02:00
            27/10/2025 07:01:12 GMTx                           | 0  | 19 | -
            27/10/2025 07:01:12 AMx                            | 0  | 19 | -
            27/10/2025 07:01:12 a.mx                           | 0  | 19 | -
            27/10/2025 07:01:1                                 | 0  | 16 | -
            27/10/2025 07:01:123                               | 0  | 16 | -
            27/10/2025 07:01:12.1234567891 info                | 0  | 29 | -
            Erreur 27/10/2025 07:01:12 Retour vide             | 7  | 26 | -
            2025/04/21 午前 6:01:26 サービス                      | 0  | 21 | -
            Mar 2, 2025, 6:00 PM, then                         | 0  | 20 | -
            """)
    void timestampInsideALine_endsWhereTheGrammarStops(String text, int from, int end, String offset) {
        TimeReading reading = TimestampReader.readAt(text, from);

        assertThat(reading.end()).isEqualTo(end);
        assertThat(reading.offset()).isEqualTo(offset == null ? null : ZoneOffset.of(offset));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday at six", "06:00:03", "2024-06-13", "27/10/2025", "2 mars 2025",
            "27/10/25 07:01", "123/10/2025 07:01", "27/10-2025 07:01", "2025/3-2 6:00", "27.10.2025 7.01",
            "27/10/2025T07:01", "27/10/2025 07", "27/10/2025 07:1", "2025年3月2 6:00", "2025年3/2 6:00",
            "2025/04/21 午前", "2 marsx 2025 06:00", "2 ju 2025 06:00", "2 Juill. 2025 06:00", "2mars 2025 06:00",
            "2 mars2025 06:00", "March 2,2025 6:00", "March, 2 2025 6:00", "2 mars 25 06:00", "Mars 2025 06:00",
            "27/10/2025 07:01:12 trailing", "2024-06-13T04:00:03Z trailing", "27/10/2025 07:01:12 Zulu",
            "+2 27/10/2025 07:01", "1718251203", "27/10/2025\t07:01:12"})
    void textThatIsNoTimestamp_isRefused_quotingItAndTheFormsRead(String text) {
        assertThatThrownBy(() -> TimestampReader.parse(text))
                .isInstanceOf(DateTimeException.class)
                .hasMessage("'" + text + "' is not a date-time: expected ISO-8601 (2024-06-13T04:00:03Z), "
                        + "Campaign's 2024-06-13 04:00:03.512Z, or the console's 27/10/2025 07:01:12, "
                        + "10/27/2025 7:01:12 AM, 27 octobre 2025 07:01:12");
    }

    /** The shape of a timestamp with an impossible field: the caller quotes the reason to the operator. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            31/02/2025 06:00           | Invalid date 'FEBRUARY 31'
            13/13/2025 06:00           | Invalid value for MonthOfYear (valid values 1 - 12): 13
            2025/13/01 06:00           | Invalid value for MonthOfYear (valid values 1 - 12): 13
            30 février 2025 06:00      | Invalid date 'FEBRUARY 30'
            27/10/2025 24:00           | Invalid value for HourOfDay (valid values 0 - 23): 24
            27/10/2025 07:60           | Invalid value for MinuteOfHour (valid values 0 - 59): 60
            27/10/2025 07:01:60        | Invalid value for SecondOfMinute (valid values 0 - 59): 60
            27/10/2025 13:01 PM        | '27/10/2025 13:01 PM': hour 13 does not exist on a 12-hour clock
            10/27/2025 0:01 AM         | '10/27/2025 0:01 AM': hour 0 does not exist on a 12-hour clock
            2025/04/21 午後 13:01       | '2025/04/21 午後 13:01': hour 13 does not exist on a 12-hour clock
            27/10/2025 07:01 +19:00    | Zone offset hours not in valid range: value 19 is not in the range -18 to 18
            27/10/2025 07:01 GMT+2:60  | Zone offset minutes not in valid range: value 60 is not in the range -59 to 59
            2024-06-13 06:00:00+19     | Zone offset hours not in valid range: value 19 is not in the range -18 to 18
            2024-06-13 06:00 GMT+19    | Zone offset hours not in valid range: value 19 is not in the range -18 to 18
            2024-02-30 06:00:00Z       | Invalid date 'FEBRUARY 30'
            """)
    void impossibleDateOrTime_isRefused_sayingWhy(String text, String reason) {
        assertThatThrownBy(() -> TimestampReader.parse(text)).isInstanceOf(DateTimeException.class).hasMessage(reason);
    }

    /** The month names read today, folded (lower case, no accents), each given its month. */
    private static final Map<String, Integer> MONTHS = months("""
            1  january jan janvier janv januar jan jän janner gennaio gen januari
            2  february feb fevrier fevr fev februar febbraio februari
            3  march mar mars marz mrz marzo
            4  april apr avril avr aprile
            5  may mai maggio mag maj
            6  june jun juin juni giugno giu
            7  july jul juillet juil juli luglio lug
            8  august aug aout agosto ago augusti
            9  september sep sept septembre settembre set
            10 october oct octobre oktober okt ottobre ott
            11 november nov novembre
            12 december dec decembre dezember dez dicembre dic
            """);

    @Test
    void everyMonthName_isRead_inAnyCase_withOrWithoutItsDot_afterTheDayOrBeforeIt() {
        MONTHS.forEach((name, month) -> {
            for (String written : new String[] {name, name + ".", name.toUpperCase(Locale.ROOT),
                    Character.toUpperCase(name.charAt(0)) + name.substring(1) + "."}) {
                assertThat(TimestampReader.parse("2 " + written + " 2025 06:00").local().getMonthValue())
                        .as(written).isEqualTo(month);
                assertThat(TimestampReader.parse(written + " 2, 2025 6:00 AM").local().getMonthValue())
                        .as(written).isEqualTo(month);
            }
        });
    }

    @ParameterizedTest(name = "{0} is month {1}")
    @CsvSource(textBlock = """
            Févr.,     2
            février,   2
            FÉVRIER,   2
            fév,       2
            fév.,      2
            März,      3
            Mär,       3
            MÄRZ,      3
            Mrz.,      3
            Jän.,      1
            Jänner,    1
            août,      8
            Août,      8
            déc.,      12
            Décembre,  12
            """)
    void accentedNames_areReadAsTheirFoldedForm(String name, int month) {
        assertThat(TimestampReader.parse("2 " + name + " 2025 06:00").local().getMonthValue()).isEqualTo(month);
    }

    /**
     * Every name the JDK writes for a month, in the console's languages and their neighbours, every style: read
     * exactly when its folded form is one of {@link #MONTHS} (the JDK must neither add nor drop a name).
     */
    @Test
    void theJdksMonthNames_areReadExactlyWhenTheyAreNamesReadToday() {
        int checked = 0;
        for (String tag : new String[] {"en", "en-GB", "en-AU", "fr", "fr-CA", "fr-CH", "fr-BE", "de", "de-AT",
                "de-CH", "it", "it-CH", "sv", "sv-FI", "es", "pt", "nl", "da", "nb", "ro", "ca"}) {
            Locale locale = Locale.forLanguageTag(tag);
            for (TextStyle style : TextStyle.values()) {
                for (Month month : Month.values()) {
                    String name = month.getDisplayName(style, locale);
                    if (!name.matches("\\p{L}+\\.?")) {
                        continue;
                    }
                    String bare = fold(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
                    Integer expected = bare.length() >= 3 ? MONTHS.get(bare) : null;
                    String text = "2 " + name + " 2025 06:00";
                    if (expected == null) {
                        assertThatThrownBy(() -> TimestampReader.parse(text)).as(tag + " " + text)
                                .isInstanceOf(DateTimeException.class);
                    } else {
                        assertThat(TimestampReader.parse(text).local().getMonthValue()).as(tag + " " + text)
                                .isEqualTo(expected);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    private static Map<String, Integer> months(String table) {
        Map<String, Integer> months = new HashMap<>();
        for (String row : table.strip().split("\n")) {
            String[] words = row.strip().split(" +");
            for (int i = 1; i < words.length; i++) {
                months.put(fold(words[i]), Integer.parseInt(words[0]));
            }
        }
        return months;
    }

    private static String fold(String word) {
        return Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
    }
}
