package dev.hover.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogicalIdsTest {
    @Test
    void keepsLettersAndDigits_capitalisingEachWord() {
        assertThat(LogicalIds.pascalCase("emails")).isEqualTo("Emails");
        assertThat(LogicalIds.pascalCase("mail-out_v2.eu")).isEqualTo("MailOutV2Eu");
        assertThat(LogicalIds.pascalCase("bulkMail")).isEqualTo("BulkMail");
        assertThat(LogicalIds.pascalCase("--x--")).isEqualTo("X");
    }

    @Test
    void refusesANameWithoutLettersOrDigits() {
        assertThatThrownBy(() -> LogicalIds.pascalCase("-_-"))
                .hasMessageContaining("'-_-' has no letter or digit");
    }
}
