package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return CanonicalJson.write(CanonicalJson.read(json).orElseThrow());
    }

    @Test
    void rfc8785MainExample() {
        // RFC 8785 section 3.2.2 (input and output)
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        assertThat(canonical(input))
                .isEqualTo("{\"literals\":[null,true,false],"
                        + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void sortsKeysByUtf16CodeUnitsNotCodePoints() {
        // RFC 8785 section 3.2.3: the emoji (a surrogate pair, 0xD83D...) sorts before U+FB33
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";
        assertThat(canonical(input))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void sortsNestedObjectsAndDropsWhitespaceButKeepsArrayOrder() {
        assertThat(canonical(" { \"b\" : [ 3, 1, {\"z\": {}, \"a\": []} ], \"a\" : \"x y\" } "))
                .isEqualTo("{\"a\":\"x y\",\"b\":[3,1,{\"a\":[],\"z\":{}}]}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // RFC 8785 appendix B: IEEE 754 bits -> ECMAScript string
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void printsDoublesLikeEcmaScript(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(CanonicalJson.write(DoubleNode.valueOf(value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.0, 1",
        "-1.50, -1.5",
        "1e21, 1e+21",
        "1e20, 100000000000000000000",
        "0.000001, 0.000001",
        "1e-7, 1e-7",
        "123e-20, 1.23e-18",
        "0.1, 0.1",
        "-0.0, 0",
        "9007199254740993, 9007199254740993",
        "-9223372036854775808, -9223372036854775808",
        "9223372036854775808, 9223372036854776000",
        "123456789012345678901234567890, 1.2345678901234568e+29",
    })
    void parsedNumbersPrintInCanonicalForm(String json, String expected) {
        assertThat(canonical(json)).isEqualTo(expected);
    }

    @Test
    void integersThatFitInALongPrintExactlyWhateverTheirNodeType() {
        assertThat(CanonicalJson.write(LongNode.valueOf(Long.MAX_VALUE))).isEqualTo("9223372036854775807");
        // a BigDecimal from a differently configured mapper is still a double to JCS
        assertThat(CanonicalJson.write(DecimalNode.valueOf(new BigDecimal("4.50"))))
                .isEqualTo("4.5");
    }

    @Test
    void refusesNumbersJsonCannotHold() {
        assertThatThrownBy(() -> CanonicalJson.write(DoubleNode.valueOf(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(DoubleNode.valueOf(Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escapesOnlyQuoteBackslashAndControlCharacters() {
        String value = "\"\\\b\f\n\r\t\u0000\u001f\u007f/é\u2028";
        assertThat(CanonicalJson.write(TextNode.valueOf(value)))
                .isEqualTo("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\u007f/é\u2028\"");
    }

    @Test
    void keepsSurrogatePairsAndEscapesLoneSurrogates() {
        assertThat(CanonicalJson.write(TextNode.valueOf("a\ud83d\ude00b"))).isEqualTo("\"a\ud83d\ude00b\"");
        assertThat(CanonicalJson.write(TextNode.valueOf("a\ud83db\ude00"))).isEqualTo("\"a\\ud83db\\ude00\"");
        // and the escape reads back as the same lone surrogate, so the form is stable
        assertThat(canonical("\"a\\ud83db\\ude00\"")).isEqualTo("\"a\\ud83db\\ude00\"");
    }

    @Test
    void canonicalFormIsAFixedPoint() {
        String once = canonical("{\"n\": [1.25E-9, 10.0, 1e30], \"s\": \"\\u001F\\ud800\"}");
        assertThat(once).isEqualTo("{\"n\":[1.25e-9,10,1e+30],\"s\":\"\\u001f\\ud800\"}");
        assertThat(canonical(once)).isEqualTo(once);
    }

    @Test
    void readAcceptsExactlyOneWellFormedValue() {
        assertThat(CanonicalJson.read("\"text\"")).map(JsonNode::textValue).contains("text");
        assertThat(CanonicalJson.read("not json")).isEmpty();
        assertThat(CanonicalJson.read("")).isEmpty();
        assertThat(CanonicalJson.read("{\"a\":1} trailing")).isEmpty();
        assertThat(CanonicalJson.read("{\"a\":1,\"a\":2}")).as("duplicate keys").isEmpty();
        assertThat(CanonicalJson.read("NaN")).isEmpty();
    }
}
