package com.campaignops.ka05406.messages;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no places at all            | no places at all
            {0} and {1}                 | A and B
            {1} before {0}, {0} again   | B before A, A again
            {0}{1}{0}                   | ABA
            {01} is one                 | B is one
            {9} has no argument         | {9} has no argument
            {123} is no place           | {123} is no place
            {} {x} {-1} { 0}            | {} {x} {-1} { 0}
            {{0}}                       | {A}
            ends open {                 | ends open {
            ends open {0                | ends open {0
            l'heure : {0}               | l'heure : A
            """)
    void placesAreFilled_everyOtherBraceIsKeptAsWritten(String template, String expected) {
        assertThat(Template.of(template).fill(new String[]{"A", "B"})).isEqualTo(expected);
    }
}
