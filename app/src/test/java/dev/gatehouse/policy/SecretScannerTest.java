package dev.gatehouse.policy;

import dev.gatehouse.policy.SecretScanner.Finding;
import dev.gatehouse.policy.SecretScanner.Kind;
import dev.gatehouse.policy.SecretScanner.Scan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SecretScannerTest {
    // 40 characters of KeySecrets' alphabet (no 0, 1, l, I, O)
    private static final String LIVE = "sk-live-AbCd2345efghJKLMnpqrSTUV6789wxyzABCDWXYZ";
    private static final String TEST = "sk-test-zyxwvutsrqponmkjihgfedcbaZYXWVUTSRQP9876";

    /** Scans, checks the invariants every scan must keep, and returns the scan. */
    private static Scan scan(String text) {
        Scan scan = SecretScanner.scan(text);
        assertThat(SecretScanner.redact(scan.text())).as("scanning redacted text changes nothing").isEqualTo(scan.text());
        assertThat(scan.redacted()).isEqualTo(!scan.findings().isEmpty());
        for (Finding f : scan.findings()) {
            assertThat(scan.text().substring(f.start(), f.end())).isEqualTo(f.marker());
            assertThat(f.marker()).startsWith("[").contains(f.kind().label()).endsWith(" removed]");
        }
        return scan;
    }

    private static void assertUntouched(String text) {
        Scan scan = scan(text);
        assertThat(scan.findings()).as("findings in %s", text).isEmpty();
        assertThat(scan.text()).isEqualTo(text);
        assertThat(scan.redacted()).isFalse();
    }

    private static Finding only(Scan scan, Kind kind) {
        assertThat(scan.findings()).as("findings in %s", scan.text()).hasSize(1);
        Finding f = scan.findings().get(0);
        assertThat(f.kind()).isEqualTo(kind);
        return f;
    }

    // --- cards (DESIGN §4: Luhn, 12–19 digits, first 6 + last 4 kept)

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "378282246310005",
            "3782 822463 10005", "30569309025904", "3056 930902 5904", "5555555555554444", "4222222222222",
            "675900000018", "6759 0000 0018", "4917610000000000003", "4917 6100 0000 0000 003", "2221000000000009",
            "3530111333300000", "6011111111111117", "4111-1111 1111-1111"})
    void cardNumbersOfTwelveToNineteenLuhnValidDigitsAreRemovedKeepingFirstSixAndLastFour(String card) {
        String text = "Please refund " + card + ", it was charged twice.";
        Scan scan = scan(text);
        Finding f = only(scan, Kind.CARD);
        String digits = card.replaceAll("[ -]", "");
        String kept = digits.substring(0, 6) + "…" + digits.substring(digits.length() - 4);
        assertThat(f.kept()).isEqualTo(kept);
        assertThat(scan.text()).isEqualTo("Please refund [card " + kept + " removed], it was charged twice.");
        assertThat(text.substring(f.originalStart(), f.originalEnd())).isEqualTo(card);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "41111111112",            // 11 digits, Luhn-valid
            "41111111111111111115",   // 20 digits, Luhn-valid
            "4111111111111112",       // Luhn off by one
            "4111 1111 1111 1112",
            "1732780800006",          // epoch milliseconds that pass Luhn: not an issued card range
            "2220000000000000",       // just below Mastercard's 2-series
            "ID4111111111111111",     // glued to letters
            "4111111111111111abc",
            "+4111111111111111",      // a phone number
            "550e8400-e29b-41d4-a716-446655440000",
            "DE89 3704 0044 0532 0130 00",
            "arn:aws:iam::412345678901:role/export",
            "3.4111111111111111",
            "4111 111 1111 1111",     // not a printed card layout
            "41 1111 1111 1111 11",
            "**** **** **** 1111",
            "4111 11•• •••• 1111",
            "[card 411111…1111 removed]",
    })
    void numbersThatAreNotCardsStay(String text) {
        assertUntouched("ref " + text + " ok");
    }

    @Test
    void aCardAtTheVeryStartAndEndOfTheTextIsFound() {
        assertThat(scan("4111111111111111").text()).isEqualTo("[card 411111…1111 removed]");
        assertThat(scan("card: 5555 5555 5555 4444.").text()).isEqualTo("card: [card 555555…4444 removed].");
        assertThat(scan("(4111-1111-1111-1111)").text()).isEqualTo("([card 411111…1111 removed])");
    }

    @Test
    void aCardFollowedByItsCvcOrExpiryKeepsThoseOutOfTheMarker() {
        assertThat(scan("4111 1111 1111 1111 123 exp 08/27").text())
                .isEqualTo("[card 411111…1111 removed] 123 exp 08/27");
        assertThat(scan("4111111111111111 12/27").text()).isEqualTo("[card 411111…1111 removed] 12/27");
    }

    @Test
    void twoCardsInOneTextAreBothRemoved() {
        Scan scan = scan("4111111111111111 5555555555554444 and 3782-822463-10005");
        assertThat(scan.findings()).extracting(Finding::kept)
                .containsExactly("411111…1111", "555555…4444", "378282…0005");
        assertThat(scan.text()).doesNotContainPattern("\\d{7}");
    }

    @Test
    void cardsNextToCjkTextAndEmojiAreFoundAndPositionsStayExact() {
        String text = "🙂我的卡号是4111111111111111，请退款 🙂";
        Scan scan = scan(text);
        Finding f = only(scan, Kind.CARD);
        assertThat(text.substring(f.originalStart(), f.originalEnd())).isEqualTo("4111111111111111");
        assertThat(scan.text()).isEqualTo("🙂我的卡号是[card 411111…1111 removed]，请退款 🙂");
    }

    @Test
    void luhnChecksTheStandardTestNumbers() {
        assertThat(SecretScanner.luhn("79927398713")).isTrue();
        assertThat(SecretScanner.luhn("79927398710")).isFalse();
        assertThat(SecretScanner.luhn("4111111111111111")).isTrue();
        assertThat(SecretScanner.luhn("4111111111111121")).isFalse();
    }

    // --- this platform's keys (ai-visual-studio §2 prefix + last four, §3 revoke on compromise)

    @Test
    void aPlatformKeyIsRemovedAndHandedToTheCallerForRevocation() {
        String text = "Our key " + LIVE + " leaked. Also " + TEST + ".";
        Scan scan = scan(text);
        assertThat(scan.findings()).extracting(Finding::kind).containsExactly(Kind.PLATFORM_KEY, Kind.PLATFORM_KEY);
        assertThat(scan.text()).isEqualTo("Our key [platform key sk-live-AbCd…WXYZ removed] leaked. Also "
                + "[platform key sk-test-zyxw…9876 removed].");
        assertThat(scan.exposedKeys()).extracting(SecretScanner.ExposedKey::secret).containsExactly(LIVE, TEST);
        assertThat(scan.exposedKeys()).extracting(SecretScanner.ExposedKey::mode).containsExactly("live", "test");
        assertThat(scan.exposedKeys().get(0).finding()).isEqualTo(scan.findings().get(0));
    }

    @Test
    void theExposedSecretNeverAppearsInToString() {
        Scan scan = scan("key " + LIVE);
        assertThat(scan.toString()).doesNotContain(LIVE).contains("sk-live-AbCd…WXYZ");
        assertThat(scan.exposedKeys().get(0).toString()).doesNotContain(LIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ",", ")", "\"", "'", ";", "!", "?", "\n", "-"})
    void aPlatformKeyAtTheEndOfALineIsFoundWithoutItsPunctuation(String after) {
        Scan scan = scan("export KEY=" + LIVE + after);
        assertThat(scan.text()).isEqualTo("export KEY=[platform key sk-live-AbCd…WXYZ removed]" + after);
        assertThat(scan.exposedKeys()).extracting(SecretScanner.ExposedKey::secret).containsExactly(LIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X", "Xy3", "_9"})
    void aKeyLongerThanFortyIsRemovedButCannotMatchALiveKey(String extra) {
        Scan scan = scan(LIVE + extra);
        only(scan, Kind.PLATFORM_KEY);
        assertThat(scan.exposedKeys()).isEmpty();
    }

    @Test
    void aTruncatedOrMistypedPlatformKeyIsRemovedButNotOfferedForRevoke() {
        Scan truncated = scan("sk-live-AbCd2345efghJKLMnpqrSTUV67");
        only(truncated, Kind.PLATFORM_KEY);
        assertThat(truncated.exposedKeys()).isEmpty();
        Scan foreignChar = scan(LIVE.replace('A', '0')); // 0 is outside the alphabet
        only(foreignChar, Kind.PLATFORM_KEY);
        assertThat(foreignChar.exposedKeys()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The task-list view is broken", "risk-based rules", "what does the sk- prefix mean",
            "we use sk-live keys in prod and sk-test keys in CI", "operators see sk-live-AbCd…WXYZ",
            "sk-live-prod-backend-primary-name", "[platform key sk-live-AbCd…WXYZ removed]", "ask-me-anything-template-2024",
            "sk-learn-pipeline-0-24-2-compat"})
    void skInProseAndDisplayPrefixesStay(String text) {
        assertUntouched(text);
    }

    // --- other providers' keys

    @Test
    void openAiAnthropicAndAwsKeysAreRemovedKeepingPrefixAndLastFour() {
        String openai = "sk-proj-Ab3dEf6hIj9kLmNoPq2sTuVwXyZ012345abcdEFGH_ij-k9Zq";
        String legacy = "sk-Ab3dEf6hIj9kLmNoPq2sT3BlbkFJuVwXyZ012345abcdEFGH";
        String anthropic = "sk-ant-api03-" + "Ab3dEf6hIj9kLmNoPq2sTuVwXyZ012345abcdEFGH_ij-k9ZqAb3dEf6hIj9kLmNoPq2sTuVw" + "AA";
        String awsId = "AKIA2E3F4G5H6J7K2L3M";
        String sts = "ASIA7QRSTUVWXYZ23456";
        Scan scan = scan("openai " + openai + "\nlegacy " + legacy + "\nclaude " + anthropic + "\naws " + awsId + " / " + sts);
        assertThat(scan.findings()).extracting(Finding::kind).containsExactly(Kind.OPENAI_KEY, Kind.OPENAI_KEY,
                Kind.ANTHROPIC_KEY, Kind.AWS_ACCESS_KEY_ID, Kind.AWS_ACCESS_KEY_ID);
        assertThat(scan.findings()).extracting(Finding::kept).containsExactly("sk-proj-…k9Zq", "sk-…EFGH",
                "sk-ant-…VwAA", "AKIA…2L3M", "ASIA…3456");
        assertThat(scan.exposedKeys()).as("only this platform's keys are matched against live keys").isEmpty();
        assertThat(scan.text()).doesNotContain(openai, legacy, anthropic, awsId, sts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY7Qx2Lk9Pz3",
            "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCY7Qx2Lk9Pz3",
            "\"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCY7Qx2Lk9Pz3\",",
            "aws secret key: wJalrXUtnFEMI/K7MDENG/bPxRfiCY7Qx2Lk9Pz3"})
    void anAwsSecretKeyIsRemovedWhenLabelled(String text) {
        Scan scan = scan(text);
        only(scan, Kind.AWS_SECRET_KEY);
        assertThat(scan.text()).doesNotContain("wJalr").contains("[AWS secret key removed]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"blob wJalrXUtnFEMI/K7MDENG/bPxRfiCY7Qx2Lk9Pz3 in the response",
            "AKIA2E3F4G5H6J7K2L3", "AKIA2E3F4G5H6J7K2L3MN", "akia2e3f4g5h6j7k2l3m", "XAKIA2E3F4G5H6J7K2L3M",
            "AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key is kept in the vault", "the sk-ant prefix is Anthropic's",
            "gpt-4o-mini", "claude-3-5-sonnet-20241022"})
    void keyLookAlikesStay(String text) {
        assertUntouched(text);
    }

    // --- PEM private keys (pixapi §10 "private keys")

    private static final String BODY = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
            + "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
            + "LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmw==";

    @ParameterizedTest
    @ValueSource(strings = {"RSA ", "EC ", "OPENSSH ", "ENCRYPTED ", "DSA ", "", "ENCRYPTED RSA "})
    void aPemPrivateKeyIsRemovedWholeAndTheTextAroundItStays(String type) {
        String pem = "-----BEGIN " + type + "PRIVATE KEY-----\n" + BODY + "\n-----END " + type + "PRIVATE KEY-----";
        Scan scan = scan("Here is our key:\n" + pem + "\nThanks, Bob");
        Finding f = only(scan, Kind.PRIVATE_KEY);
        String label = type.isEmpty() ? "[private key removed]" : "[" + type.trim() + " private key removed]";
        assertThat(scan.text()).isEqualTo("Here is our key:\n" + label + "\nThanks, Bob");
        assertThat(f.kept()).isEqualTo(type.trim());
    }

    @Test
    void anEncryptedPemWithHeadersIsRemovedWhole() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n"
                + BODY + "\n-----END RSA PRIVATE KEY-----";
        assertThat(scan(pem + " bye").text()).isEqualTo("[RSA private key removed] bye");
    }

    @Test
    void aTruncatedPemIsRemovedUpToItsLastBodyLineAndTheSentenceAfterItStays() {
        Scan scan = scan("key: -----BEGIN OPENSSH PRIVATE KEY-----\n" + BODY + "\nthanks for looking, Ana");
        assertThat(scan.text()).isEqualTo("key: [OPENSSH private key removed]\nthanks for looking, Ana");
        Scan oneLine = scan("-----BEGIN PRIVATE KEY----- " + BODY.replace('\n', ' ') + " -----END PRIVATE KEY----- ok");
        assertThat(oneLine.text()).isEqualTo("[private key removed] ok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----",
            "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\n-----END CERTIFICATE-----",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host",
            "how do I send a private key safely?"})
    void publicKeysAndCertificatesStay(String text) {
        assertUntouched(text);
    }

    // --- passwords given as such (pixapi §10 "passwords")

    @ParameterizedTest
    @ValueSource(strings = {
            "password: hunter2|password: [password removed]",
            "Password=Summer2024!|Password=[password removed]",
            "pwd=abc|pwd=[password removed]",
            "passwd: Tr0ub4dor&3 thanks|passwd: [password removed] thanks",
            "tried passwd Tr0ub4dor3 again|tried passwd [password removed] again",
            "my password is hunter2 and it fails|my password is [password removed] and it fails",
            "the password is now Welcome1|the password is now [password removed]",
            "DB_PASSWORD=s3cr3t\nDB_USER=app|DB_PASSWORD=[password removed]\nDB_USER=app",
            "{\"password\": \"correct horse\"}|{\"password\": [password removed]}",
            "config: password = 'x9'|config: password = [password removed]",
            "Passwort: Sonne#2023|Passwort: [password removed]",
            "Mein Passwort ist Hallo1234.|Mein Passwort ist [password removed]",
            "mot de passe : azerty789|mot de passe : [password removed]",
            "Mi contraseña es Sol2024 y no entra|Mi contraseña es [password removed] y no entra",
            "minha senha é senhaForte7|minha senha é [password removed]",
            "пароль: qwerty123|пароль: [password removed]",
            "パスワード：hunter22|パスワード：[password removed]",
            "密码：abc12345 登录不了|密码：[password removed] 登录不了",
            "My password is: hunter2|My password is: [password removed]",
            "pw: hunter2|pw: [password removed]",
            "Kennwort lautet Geheim123|Kennwort lautet [password removed]",
            "DATABASE_URL=postgres://admin:S3cret@db:5432/app|DATABASE_URL=postgres://admin:[password removed]@db:5432/app",
    })
    void aPasswordGivenAsSuchLosesItsValueAndKeepsItsLabel(String row) {
        String[] io = row.split("\\|");
        Scan scan = scan(io[0]);
        only(scan, Kind.PASSWORD);
        assertThat(scan.text()).isEqualTo(io[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I forgot my password", "password reset link doesn't work", "Password: reset link expired",
            "My password is correct but login fails", "the password is too short", "password is not accepted",
            "Passwort vergessen", "Mein Passwort ist abgelaufen.", "J'ai oublié mon mot de passe.", "mi contraseña es incorrecta",
            "passwordless login?", "Running pwd prints /app", "the passwd command fails", "password=  (empty in the form)",
            "password:", "password: [password removed]", "mypassword: hunter2", "password hunter is a weird phrase",
            "Password: I can't find where to change it", "see https://docs.gatehouse.dev/keys#rotate",
            "mailto:support@gatehouse.dev", "proxy http://proxy.local:8080/ fails"})
    void theWordPasswordInProseStays(String text) {
        assertUntouched(text);
    }

    // --- the request log's prompt excerpt (issue 9: at most 500 characters, secrets redacted before storage)

    @Test
    void anExcerptIsCutAfterScanningSoAKeyAcrossTheCutIsRemovedWhole() {
        String prompt = "x".repeat(490) + " " + LIVE + " tail";
        Scan scan = scan(prompt);
        String excerpt = scan.excerpt(500);
        assertThat(excerpt).isEqualTo("x".repeat(490) + " ").doesNotContain("sk-live");
        assertThat(scan.redacted()).isTrue();
        assertThat(scan.excerpt(prompt.length() * 2)).isEqualTo(scan.text());
        assertThat(scan(prompt).excerpt(491 + "[platform key sk-live-AbCd…WXYZ removed]".length()))
                .endsWith("[platform key sk-live-AbCd…WXYZ removed]");
    }

    @Test
    void anExcerptNeverSplitsASurrogatePair() {
        Scan scan = scan("ab🙂cd");
        assertThat(scan.excerpt(3)).isEqualTo("ab");
        assertThat(scan.excerpt(4)).isEqualTo("ab🙂");
        assertThat(scan.excerpt(0)).isEmpty();
    }

    // --- together

    @Test
    void manySecretsInOneTextAreAllRemovedAndLocated() {
        String text = "card 4111 1111 1111 1111, key " + LIVE + ", password: hunter2, aws AKIA2E3F4G5H6J7K2L3M. ✔";
        Scan scan = scan(text);
        assertThat(scan.findings()).extracting(Finding::kind)
                .containsExactly(Kind.CARD, Kind.PLATFORM_KEY, Kind.PASSWORD, Kind.AWS_ACCESS_KEY_ID);
        assertThat(scan.findings()).extracting(f -> text.substring(f.originalStart(), f.originalEnd()))
                .containsExactly("4111 1111 1111 1111", LIVE, "hunter2,", "AKIA2E3F4G5H6J7K2L3M");
        assertThat(scan.text()).isEqualTo("card [card 411111…1111 removed], key [platform key sk-live-AbCd…WXYZ removed], "
                + "password: [password removed] aws [AWS access key id AKIA…2L3M removed]. ✔");
    }

    @Test
    void overlappingCandidatesGiveOneFindingAndTheMoreSpecificKindWins() {
        Scan key = scan("password: " + LIVE);
        only(key, Kind.PLATFORM_KEY);
        assertThat(key.text()).isEqualTo("password: [platform key sk-live-AbCd…WXYZ removed]");
        assertThat(key.exposedKeys()).hasSize(1);
        assertThat(scan("pwd=4111111111111111").text()).isEqualTo("pwd=[card 411111…1111 removed]");
        assertThat(scan("password=AKIA2E3F4G5H6J7K2L3M").findings()).extracting(Finding::kind)
                .containsExactly(Kind.AWS_ACCESS_KEY_ID);
        String pemWithDigits = "-----BEGIN RSA PRIVATE KEY-----\n4111111111111111" + BODY + "\n-----END RSA PRIVATE KEY-----";
        only(scan(pemWithDigits), Kind.PRIVATE_KEY);
    }

    @Test
    void emptyAndCleanTextComeBackAsTheyWere() {
        assertUntouched("");
        assertUntouched("Hello, my image generation is slow since Tuesday. Can you check? 谢谢 🙏");
    }

    // --- linear time: adversarial megabyte inputs finish. The bound is a hang guard, not a benchmark: a linear scan
    // of 1 MiB takes about a second on a loaded two-core box, a backtracking one would take hours.
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @ParameterizedTest
    @ValueSource(strings = {"1 ", "4111 ", "sk-", "-----BEGIN RSA PRIVATE KEY-----\nAAAA ", "password: [", "password is ",
            "AKIA", "aws_secret_access_key="})
    void aMegabyteOfAdversarialInputFinishes(String unit) {
        String text = unit.repeat((1 << 20) / unit.length() + 1);
        Scan scan = assertTimeoutPreemptively(HANG_GUARD, () -> SecretScanner.scan(text));
        assertThat(scan.text()).isNotNull();
    }

    @Test
    void twoHundredThousandDigitsAndSpacesFinish() {
        StringBuilder sb = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        while (sb.length() < 200_000) {
            sb.append((char) ('0' + random.nextInt(10)));
            if (random.nextInt(4) == 0) {
                sb.append(random.nextBoolean() ? ' ' : '-');
            }
        }
        String text = sb.toString();
        Scan scan = assertTimeoutPreemptively(HANG_GUARD, () -> SecretScanner.scan(text));
        assertThat(SecretScanner.redact(scan.text())).isEqualTo(scan.text());
        List<Finding> cards = scan.findings();
        cards.forEach(f -> assertThat(f.kind()).isEqualTo(Kind.CARD));
    }
}
