package dev.vaporform.files.search;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index may only narrow, never lose: the literals taken from a regex occur in every match,
 * and a query's trigrams are a subset of any matching text's, in any letter case.
 */
class CandidateNarrowingTests {

    @Test
    void takesOnlyFragmentsEveryMatchMustContain() {
        assertThat(RegexLiterals.required("new\\s+HashMap<")).containsExactly("new", "HashMap<");
        assertThat(RegexLiterals.required("colou?r")).containsExactly("colo");
        assertThat(RegexLiterals.required("abcd?e")).containsExactly("abc");
        assertThat(RegexLiterals.required("foo|barbaz")).isEmpty();
        assertThat(RegexLiterals.required("(foo|bar)bazqux")).containsExactly("bazqux");
        assertThat(RegexLiterals.required("\\bString\\b")).containsExactly("String");
        assertThat(RegexLiterals.required("\\x41BCD")).containsExactly("BCD");
        assertThat(RegexLiterals.required("\\Qa.b*c\\E")).containsExactly("a.b*c");
        assertThat(RegexLiterals.required("[abc]def{0,2}ghi")).containsExactly("ghi");
        assertThat(RegexLiterals.required("(?x) a b c d")).isEmpty();
    }

    @Test
    void everyMatchOfASampleContainsTheFragments() {
        String[] lines = {"new   HashMap<>()", "a.b*c", "xxbazquxx", "colour", "abce", "abcdde"};
        for (String regex : List.of("new\\s+HashMap<", "\\Qa.b*c\\E", "(foo|baz)qux", "colou?r", "abcd*e")) {
            Pattern pattern = Pattern.compile(regex);
            for (String line : lines) {
                if (!pattern.matcher(line).find()) continue;
                assertThat(RegexLiterals.required(regex)).allMatch(line::contains);
            }
        }
    }

    @Test
    void queryTrigramsAreFoundInTextOfAnyCase() {
        String text = "ΣΊΣΥΦΟΣ Straße KELVIN \u212A ſtream İstanbul";
        for (String query : List.of("σίσυφος", "STRASSE".toLowerCase(), "kelvin", "k ſt", "STREAM", "istanbul")) {
            if (!Pattern.compile(Pattern.quote(query), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find()) continue;
            assertThat(Trigrams.of(text)).as(query).containsAll(Trigrams.of(query));
        }
    }
}
