package dev.vaporform.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Parsing and printing the reference's JSON, and the strict check's messages. */
class OpJsonTest {

    @Test
    void printsExactlyWhatJsonStringifyPrints() {
        Op op = Op.of(new Skip(3), new Insert("a\"b\\c\n\t\u0001\u001f\u007f\u2028😀/"), Delete.count(2),
                Delete.text("é"));
        assertThat(op.toJson()).isEqualTo("[3,\"a\\\"b\\\\c\\n\\t\\u0001\\u001f\u007f\u2028😀/\",{\"d\":2},{\"d\":\"é\"}]");
    }

    @Test
    void parsesWhitespaceEscapesAndSurrogatePairEscapes() {
        Op op = Op.fromJson(" [ 3 , \"\\ud83d\\ude00\\u00e9\\/\" , { \"d\" : 2 } ] ");
        assertThat(op).isEqualTo(Op.of(new Skip(3), new Insert("😀é/"), Delete.count(2)));
        assertThat(((Insert) op.get(1)).length()).isEqualTo(3);
    }

    @Test
    void acceptsIntegralNumbersWrittenInOtherForms() {
        assertThat(Op.fromJson("[1.0,\"a\",{\"d\":2e0}]")).hasToString("[1,\"a\",{\"d\":2}]");
    }

    @Test
    void convertsPlainJavaValuesBothWays() {
        List<Object> value = List.of(2, "hi", Map.of("d", 1), Map.of("d", "x"), 4L, "y", Map.of("d", BigInteger.TWO));
        Op op = Op.fromJsonValue(value);
        assertThat(op).hasToString("[2,\"hi\",{\"d\":1},{\"d\":\"x\"},4,\"y\",{\"d\":2}]");
        assertThat(Op.fromJsonValue(op.toJsonValue())).isEqualTo(op);
    }

    @ParameterizedTest(name = "rejects {0}")
    @CsvSource(delimiter = '|', textBlock = """
            0                         | component 0: skip must be a positive integer, got 0
            [0,"a"]                   | component 0: skip must be a positive integer, got 0
            [-2,"a"]                  | component 0: skip must be a positive integer, got -2
            [1.25,"a"]                | component 0: skip must be an integer, got 1.25
            [""]                      | component 0: insert must not be empty
            [{"d":0}]                 | component 0: delete count must be a positive integer, got 0
            [{"d":-1}]                | component 0: delete count must be a positive integer, got -1
            [{"d":""}]                | component 0: delete must not be empty
            [{}]                      | component 0: an object component must be a delete
            [{"d":null}]              | component 0: an object component must be a delete
            [{"d":[1]}]               | component 0: delete value must be a positive integer or a non-empty string, got an array
            [{"i":"a"}]               | component 0: delete has unexpected key "i"
            [null]                    | component 0: null is not an op component
            [[1]]                     | component 0: expected a skip (integer), an insert (string) or a delete
            [1,2,"a"]                 | component 1: adjacent skips must be combined into one skip
            [3]                       | component 0: op must not end with a skip
            ["a",3]                   | component 1: op must not end with a skip
            [2147483647,"a",2147483647,{"d":1}] | op spans more than 2147483647 code points
            "abc"                     | op must be a JSON array of components, got a string
            [1,                       | op is not valid JSON
            [1] x                     | op is not valid JSON: unexpected text after the JSON value
            ["\\x"]                   | op is not valid JSON: invalid escape
            [01]                      | op is not valid JSON: invalid value
            """)
    void rejectsMalformedOpsSayingWhatIsWrong(String json, String message) {
        String expected = json.equals("0") ? "op must be a JSON array of components, got the number 0" : message;
        assertThatThrownBy(() -> Op.fromJson(json)).isInstanceOf(InvalidOpException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void rejectsComponentListsThatBreakOpRules() {
        assertThatThrownBy(() -> Op.of(new Skip(1), new Skip(1), new Insert("a")))
                .hasMessage("component 1: adjacent skips must be combined into one skip");
        assertThatThrownBy(() -> new Insert("\uDC00x")).hasMessageContaining("lone surrogate U+DC00 at UTF-16 index 0");
        assertThatThrownBy(() -> Delete.text("x\uD83D")).hasMessageContaining("lone surrogate U+D83D at UTF-16 index 1");
    }
}
