package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountDuplicatesTest {
    @Test
    void canonicalEmailDropsCaseTagsAndGmailDots() {
        assertThat(AccountDuplicates.canonicalEmail(" Jane.Doe+promo@GoogleMail.com ")).isEqualTo("janedoe@gmail.com");
        assertThat(AccountDuplicates.canonicalEmail("jane.doe+x@acme.com")).as("dots matter off Gmail").isEqualTo("jane.doe@acme.com");
        assertThat(AccountDuplicates.canonicalEmail("+only@acme.com")).isEqualTo("+only@acme.com");
        assertThat(AccountDuplicates.canonicalEmail("no-at-sign")).isEqualTo("no-at-sign");
    }

    @Test
    void similarNamesIgnoreCaseAccentsPunctuationAndCompanySuffixes() {
        assertThat(AccountDuplicates.similarNames("Acme, Inc.", "ACME")).isTrue();
        assertThat(AccountDuplicates.similarNames("Zürich Analytics GmbH", "Zurich Analytics")).isTrue();
        assertThat(AccountDuplicates.similarNames("Umbrela Corporation", "Umbrella Corp")).as("one typo").isTrue();
        assertThat(AccountDuplicates.similarNames("Jane Doe", "Jane")).as("words of one in the other").isTrue();
        assertThat(AccountDuplicates.similarNames("Wayne Enterprises", "Umbrella Corp")).isFalse();
        assertThat(AccountDuplicates.similarNames("Ann", "Bob")).isFalse();
        assertThat(AccountDuplicates.similarNames("", "Bob")).isFalse();
        assertThat(AccountDuplicates.similarNames("---", "...")).isFalse();
    }

    @Test
    void whyNamesTheSameMailboxOrACompanyDomainWithASimilarName() {
        assertThat(AccountDuplicates.why("J", "janedoe@gmail.com", "Jane", "jane.doe@gmail.com")).get().asString().contains("same mailbox");
        assertThat(AccountDuplicates.why("Umbrela", "it@umbrella.dev", "Umbrella", "ceo@umbrella.dev")).get().asString()
                .contains("umbrella.dev");
        assertThat(AccountDuplicates.why("Jane Doe", "jane@outlook.com", "Jane Doe", "other@outlook.com"))
                .as("a public mail domain is shared by strangers").isEmpty();
        assertThat(AccountDuplicates.why("Wayne", "b@umbrella.dev", "Umbrella", "ceo@umbrella.dev")).isEmpty();
    }

    @Test
    void levenshtein() {
        assertThat(AccountDuplicates.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(AccountDuplicates.distance("", "abc")).isEqualTo(3);
        assertThat(AccountDuplicates.distance("same", "same")).isZero();
    }
}
