package dev.vaporform.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The path rules on their own: each rule fires on a known violation, canonical forms are stable. */
class ProjectPathTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../../etc/passwd | parent-segment", "a/../../b | parent-segment", ".. | parent-segment",
            "/etc/passwd | absolute", "C:/x | absolute", "C:\\x | backslash", "a\\..\\b | backslash",
            "．．／x | lookalike-separator", "..∕x | lookalike-separator", "．． | lookalike-dots",
            "a/\u2024\u2024/b | lookalike-dots", ". | empty", "'' | empty", "/ | absolute", ".vaporform-tmp-1 | reserved-name"})
    void rejectsEachRuleWithItsName(String raw, String rule) {
        String path = raw.equals("''") ? "" : raw;
        assertThatThrownBy(() -> ProjectPath.of(path)).isInstanceOfSatisfying(InvalidPath.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo\u0000.txt", "a\u0001b", "tab\tname", "line\nbreak", "bidi\u202Eexe.txt", "\uD800lone", "bom\uFEFF"})
    void rejectsControlAndInvisibleCharacters(String raw) {
        assertThatThrownBy(() -> ProjectPath.of(raw)).isInstanceOfSatisfying(InvalidPath.class,
                e -> assertThat(e.rule()).isEqualTo("control-character"));
    }

    @Test
    void rejectsOverLongPathsDeepPathsAndLongSegments() {
        assertThatThrownBy(() -> ProjectPath.of("x".repeat(4097))).isInstanceOf(InvalidPath.class);
        assertThatThrownBy(() -> ProjectPath.of("a/".repeat(65) + "b", 1024, 64))
                .isInstanceOfSatisfying(InvalidPath.class, e -> assertThat(e.rule()).isEqualTo("max-depth"));
        assertThatThrownBy(() -> ProjectPath.of("é".repeat(128)))
                .isInstanceOfSatisfying(InvalidPath.class, e -> assertThat(e.rule()).isEqualTo("max-segment-length"));
        assertThat(ProjectPath.of("é".repeat(127)).value()).hasSize(127);
    }

    @Test
    void canonicalisesSeparatorsDotSegmentsAndUnicode() {
        assertThat(ProjectPath.of("a//b").value()).isEqualTo("a/b");
        assertThat(ProjectPath.of("a/./b/").value()).isEqualTo("a/b");
        assertThat(ProjectPath.of("./a").value()).isEqualTo("a");
        assertThat(ProjectPath.of("cafe\u0301.txt").value()).isEqualTo("caf\u00e9.txt");
        assertThat(ProjectPath.of("%2e%2e/x").value()).isEqualTo("%2e%2e/x");
        assertThat(ProjectPath.of("...").value()).isEqualTo("...");
    }

    @Test
    void knowsParentsNamesAndContainment() {
        ProjectPath path = ProjectPath.of("a/b/c.txt");
        assertThat(path.name()).isEqualTo("c.txt");
        assertThat(path.parent()).isEqualTo(ProjectPath.of("a/b"));
        assertThat(ProjectPath.of("top").parent()).isNull();
        assertThat(path.isWithin(ProjectPath.of("a"))).isTrue();
        assertThat(ProjectPath.of("ab/c").isWithin(ProjectPath.of("a"))).isFalse();
    }
}
