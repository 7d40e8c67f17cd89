package dev.gatehouse.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * apibox §2: "Each individual or organization may register only one primary account." When an operator opens an
 * account by hand, one that looks like an existing account is a likely duplicate the operator must confirm:
 * <ul>
 *   <li>the same normalized email (case, a {@code +tag}, and for Gmail dots and googlemail.com do not make another mailbox);</li>
 *   <li>or, on a company's own domain (not a public mail provider), a similar name.</li>
 * </ul>
 * Pure: the gateway finds the candidates by {@link #canonicalEmail} and domain, and asks {@link #why} of each.
 */
public final class AccountDuplicates {
    /** Public mail providers: two strangers share these domains, so a shared domain says nothing. */
    public static final Set<String> PUBLIC_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "live.com", "msn.com", "yahoo.com", "ymail.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com",
            "gmx.de", "gmx.net", "web.de", "mail.ru", "yandex.ru", "qq.com", "163.com", "126.com", "naver.com");
    private static final Set<String> COMPANY_SUFFIXES = Set.of("inc", "llc", "ltd", "limited", "gmbh", "ag", "co", "corp",
            "corporation", "company", "sa", "sas", "srl", "bv", "plc", "pty", "oy", "ab", "kk", "the");

    private AccountDuplicates() {}

    /** The mailbox an email reaches: lower case, no {@code +tag}; Gmail ignores dots and answers for googlemail.com. */
    public static String canonicalEmail(String email) {
        String e = email.trim().toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        if (at <= 0) {
            return e;
        }
        String local = e.substring(0, at);
        String domain = e.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("googlemail.com")) {
            domain = "gmail.com";
        }
        if (domain.equals("gmail.com")) {
            local = local.replace(".", "");
        }
        return local + "@" + domain;
    }

    /** The domain of an email, lower case ("acme.com"). */
    public static String domain(String email) {
        String e = email.trim().toLowerCase(Locale.ROOT);
        return e.substring(e.lastIndexOf('@') + 1);
    }

    /** Whether accounts on this domain can be compared by name (a company's domain, not a public mail provider's). */
    public static boolean sharedDomainCounts(String domain) {
        return !PUBLIC_MAIL_DOMAINS.contains(domain.toLowerCase(Locale.ROOT));
    }

    /**
     * Why an existing account ({@code name}, {@code email}) looks like the new one, or empty when it does not.
     * An identical email is not asked here: that is a plain conflict (409), not a warning.
     */
    public static Optional<String> why(String newName, String newEmail, String name, String email) {
        if (canonicalEmail(newEmail).equals(canonicalEmail(email))) {
            return Optional.of("same mailbox as " + email + " (normalized " + canonicalEmail(email) + ")");
        }
        String domain = domain(newEmail);
        if (domain.equals(domain(email)) && sharedDomainCounts(domain) && similarNames(newName, name)) {
            return Optional.of("same email domain " + domain + " and a similar name ('" + name + "')");
        }
        return Optional.empty();
    }

    /**
     * Names that likely mean the same person or organization: equal once case, accents, punctuation and company
     * suffixes are dropped; or one's words all in the other's; or at most one edit apart per five letters.
     */
    public static boolean similarNames(String a, String b) {
        List<String> wa = words(a);
        List<String> wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return false;
        }
        String ja = String.join(" ", wa);
        String jb = String.join(" ", wb);
        if (ja.equals(jb) || wa.containsAll(wb) || wb.containsAll(wa)) {
            return true;
        }
        String ca = ja.replace(" ", "");
        String cb = jb.replace(" ", "");
        int allowed = Math.max(1, Math.min(ca.length(), cb.length()) / 5);
        return Math.abs(ca.length() - cb.length()) <= allowed && distance(ca, cb) <= allowed;
    }

    private static List<String> words(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        if (plain.isEmpty()) {
            return List.of();
        }
        List<String> kept = Arrays.stream(plain.split(" ")).filter(w -> !COMPANY_SUFFIXES.contains(w))
                .collect(Collectors.toCollection(ArrayList::new));
        return kept.isEmpty() ? Arrays.asList(plain.split(" ")) : kept;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
