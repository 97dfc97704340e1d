package dev.takedown.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void keepsOrdinaryAndChineseNames() {
        assertThat(DisplayNames.clean("受理通知书.pdf")).isEqualTo("受理通知书.pdf");
        assertThat(DisplayNames.clean("Screenshot 2026-01-02 at 10.00.png"))
                .isEqualTo("Screenshot 2026-01-02 at 10.00.png");
    }

    @Test
    void dropsDirectoriesQuotesControlsAndBidi() {
        assertThat(DisplayNames.clean("a\"\r\n../b.txt")).isEqualTo("b.txt");
        assertThat(DisplayNames.clean("C:\\Users\\x\\proof.pdf")).isEqualTo("proof.pdf");
        assertThat(DisplayNames.clean("in\"voice\u202Egnp.exe")).isEqualTo("invoicegnp.exe");
        assertThat(DisplayNames.clean("..\u0000hidden")).isEqualTo("hidden");
        assertThat(DisplayNames.clean("x\r\nSet-Cookie: a=b")).isEqualTo("xSet-Cookie: a=b");
    }

    @Test
    void emptyOrOnlyDotsFallsBack() {
        assertThat(DisplayNames.clean(null)).isEqualTo("evidence");
        assertThat(DisplayNames.clean("../..")).isEqualTo("evidence");
        assertThat(DisplayNames.clean("\r\n")).isEqualTo("evidence");
    }

    @Test
    void longNamesKeepTheirExtension() {
        String cleaned = DisplayNames.clean("a".repeat(500) + ".pdf");
        assertThat(cleaned).endsWith(".pdf").hasSize(DisplayNames.MAX_CODE_POINTS);
    }
}
