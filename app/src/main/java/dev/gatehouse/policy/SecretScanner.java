package dev.gatehouse.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in inbound text (ticket bodies, messages, request-log prompt excerpts) and replaces each with a
 * visible marker saying what was removed, before anything is stored (DESIGN §4 "secrets in tickets").
 * <p>
 * pixapi §10: "Do not submit sensitive secrets, full payment card numbers, passwords, private keys, or unnecessary
 * confidential information in support messages or attachments." Customers do anyway, so the platform removes them.
 * <p>
 * Pure and linear in the input: every detector either walks the text once or uses a regex whose quantifiers are
 * bounded or possessive, so 1 MiB of adversarial digits or dashes cannot backtrack. Scanning already-redacted text
 * changes nothing: no marker matches a detector. Positions are UTF-16 indices, like {@link String#substring}.
 */
public final class SecretScanner {
    private SecretScanner() {}

    /**
     * What a finding is; {@link #label} is the words the marker uses. Declared in priority order: where candidates
     * overlap the earlier kind wins (a platform key given as a password is reported as the key, so it can be revoked).
     */
    public enum Kind {
        PRIVATE_KEY("private key"),
        PLATFORM_KEY("platform key"),
        ANTHROPIC_KEY("Anthropic key"),
        OPENAI_KEY("OpenAI key"),
        AWS_ACCESS_KEY_ID("AWS access key id"),
        AWS_SECRET_KEY("AWS secret key"),
        CARD("card"),
        PASSWORD("password");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Stable lower-case name for storage and the API, e.g. {@code platform_key}. */
        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One removed secret. {@code start}/{@code end} locate its marker in the redacted text (what is stored and shown);
     * {@code originalStart}/{@code originalEnd} locate the secret in the scanned text, for a caller that still holds
     * it (the console previewing a draft). {@code kept} is the part operators may see (first 6 + last 4 of a card,
     * a key's prefix + last 4), empty when nothing is kept.
     */
    public record Finding(Kind kind, int start, int end, int originalStart, int originalEnd, String kept, String marker) {
        public Finding {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(kept, "kept");
            Objects.requireNonNull(marker, "marker");
        }
    }

    /**
     * A well-formed key of this platform found in the text. The secret is handed to the caller only so the gateway can
     * hash it, match a live key and offer one-click revoke: ai-visual-studio §3 "Immediately rotate or revoke keys if
     * you suspect compromise", "Notify us within 24 hours". Never store or log it; toString leaves it out.
     */
    public record ExposedKey(String secret, String mode, Finding finding) {
        @Override
        public String toString() {
            return "ExposedKey[" + finding.kept() + ", mode=" + mode + "]";
        }
    }

    /** The outcome: the text to store, what was removed, and the platform keys to check for compromise. */
    public record Scan(String text, List<Finding> findings, List<ExposedKey> exposedKeys) {
        public Scan {
            findings = List.copyOf(findings);
            exposedKeys = List.copyOf(exposedKeys);
        }

        /** True when anything was removed: the ticket or log row is flagged. */
        public boolean redacted() {
            return !findings.isEmpty();
        }

        /**
         * The redacted text cut to at most {@code maxChars}, never through a marker or a surrogate pair: the request
         * log's prompt excerpt (issue 9: at most 500 characters). Scan the whole prompt first, then cut, so a secret
         * straddling the cut is removed whole instead of leaving a fragment no detector recognises.
         */
        public String excerpt(int maxChars) {
            if (maxChars < 0) {
                throw new IllegalArgumentException("maxChars must not be negative, got " + maxChars);
            }
            if (text.length() <= maxChars) {
                return text;
            }
            int cut = maxChars;
            for (Finding f : findings) {
                if (f.start() < cut && cut < f.end()) {
                    cut = f.start();
                }
            }
            if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            return text.substring(0, cut);
        }

        @Override
        public String toString() {
            return "Scan[findings=" + findings + "]";
        }
    }

    // A candidate before overlaps are resolved; secret is set only for well-formed platform keys.
    private record Hit(Kind kind, int start, int end, String kept, String marker, String secret, String mode) {}

    public static Scan scan(String text) {
        Objects.requireNonNull(text, "text");
        List<Hit> hits = new ArrayList<>();
        privateKeys(text, hits);
        sKeys(text, hits);
        awsAccessKeyIds(text, hits);
        awsSecretKeys(text, hits);
        cards(text, hits);
        passwords(text, hits);
        return apply(text, choose(hits));
    }

    /** Convenience for callers that only store the text. */
    public static String redact(String text) {
        return scan(text).text();
    }

    // Overlapping candidates: the kind declared first wins, then the longer one.
    private static List<Hit> choose(List<Hit> hits) {
        List<Hit> byPriority = new ArrayList<>(hits);
        byPriority.sort(Comparator.comparingInt((Hit h) -> h.kind().ordinal())
                .thenComparing(Comparator.comparingInt((Hit h) -> h.end() - h.start()).reversed())
                .thenComparingInt(Hit::start));
        TreeMap<Integer, Hit> chosen = new TreeMap<>();
        for (Hit h : byPriority) {
            var before = chosen.floorEntry(h.start());
            if (before != null && before.getValue().end() > h.start()) {
                continue;
            }
            var after = chosen.ceilingEntry(h.start());
            if (after != null && after.getKey() < h.end()) {
                continue;
            }
            chosen.put(h.start(), h);
        }
        return new ArrayList<>(chosen.values());
    }

    private static Scan apply(String text, List<Hit> hits) {
        StringBuilder out = new StringBuilder(text.length());
        List<Finding> findings = new ArrayList<>();
        List<ExposedKey> exposed = new ArrayList<>();
        int at = 0;
        for (Hit h : hits) {
            out.append(text, at, h.start());
            int start = out.length();
            out.append(h.marker());
            Finding f = new Finding(h.kind(), start, out.length(), h.start(), h.end(), h.kept(), h.marker());
            findings.add(f);
            if (h.secret() != null) {
                exposed.add(new ExposedKey(h.secret(), h.mode(), f));
            }
            at = h.end();
        }
        out.append(text, at, text.length());
        return new Scan(out.toString(), findings, exposed);
    }

    private static String marker(Kind kind, String kept) {
        return kept.isEmpty() ? "[" + kind.label() + " removed]" : "[" + kind.label() + " " + kept + " removed]";
    }

    private static Hit hit(Kind kind, int start, int end, String kept) {
        return new Hit(kind, start, end, kept, marker(kind, kept), null, null);
    }

    // Word characters for boundaries are ASCII only, so a secret written right after CJK text (no spaces) is found.
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Cards. DESIGN §4: "card numbers (Luhn, 12–19 digits) kept as first 6 + last 4". Written contiguous or in the
    // printed layouts (groups of four with a shorter last group; Amex 4-6-5, Diners 4-6-4) split by single spaces or
    // dashes. The number must start like an issued payment card (Visa 4; Mastercard 51–55 and 2221–2720; Mir
    // 2200–2204; Amex 34/37; JCB 35; Diners 30/36/38/39; Maestro 5/6; Discover and UnionPay 6), which keeps
    // epoch-millisecond timestamps (1…), date-based order numbers (2024…) and tracking numbers (7…, 9…) that happen to
    // pass Luhn out. A number glued to letters (IBAN, UUID, order "INV-…", ARN "::…:role") or led by '+' (a phone
    // number) is an identifier, not a card.

    private static void cards(String text, List<Hit> hits) {
        int n = text.length();
        int i = 0;
        List<int[]> groups = new ArrayList<>(); // {start, end} of each digit group
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            groups.clear();
            int runStart = i;
            while (true) {
                int g = i;
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
                groups.add(new int[] {g, i});
                if (i + 1 < n && (text.charAt(i) == ' ' || text.charAt(i) == '-') && isDigit(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            if (!glued(text, runStart, i)) {
                cardsInRun(text, groups, hits);
            }
        }
    }

    private static boolean glued(String text, int start, int end) {
        if (start > 0) {
            char p = text.charAt(start - 1);
            if (isWordChar(p) || p == '+') {
                return true;
            }
            if ((p == '-' || p == '.' || p == '/') && start > 1 && isWordChar(text.charAt(start - 2))) {
                return true;
            }
        }
        if (end < text.length() && isWordChar(text.charAt(end))) {
            return true;
        }
        if (end + 1 < text.length()) {
            char q = text.charAt(end);
            char after = text.charAt(end + 1);
            return (q == ':' && isWordChar(after)) || (q == '.' && isDigit(after)); // ARN "…:role", a decimal
        }
        return false;
    }

    // Leftmost-longest over consecutive groups; a window spans at most 19 digits, so this is linear in the run.
    // A grouped number is taken whole: a window may not start or stop in the middle of a run of four-digit groups
    // ("4525 2553 0913 8113" fails Luhn, and its first twelve digits are no card either), but a card may be followed
    // by its expiry or CVC ("4111 1111 1111 1111 123").
    private static void cardsInRun(String text, List<int[]> groups, List<Hit> hits) {
        int s = 0;
        int free = 0;
        while (s < groups.size()) {
            int best = -1;
            int digits = 0;
            boolean grouped = length(groups, s) == 4;
            boolean midGroup = grouped && s > free && length(groups, s - 1) == 4;
            for (int e = s; e < groups.size() && !midGroup; e++) {
                digits += length(groups, e);
                if (digits > 19) {
                    break;
                }
                boolean stopsMidGroup = grouped && e + 1 < groups.size() && length(groups, e) == 4 && digits < 16;
                if (digits >= 12 && !stopsMidGroup && cardLayout(groups, s, e)
                        && isCard(text, groups.get(s)[0], groups.get(e)[1])) {
                    best = e;
                }
            }
            if (best < 0) {
                s++;
                continue;
            }
            int start = groups.get(s)[0];
            int end = groups.get(best)[1];
            String digitsOnly = digitsOf(text, start, end);
            String kept = digitsOnly.substring(0, 6) + "…" + digitsOnly.substring(digitsOnly.length() - 4);
            hits.add(hit(Kind.CARD, start, end, kept));
            s = best + 1;
            free = s;
        }
    }

    private static int length(List<int[]> groups, int k) {
        return groups.get(k)[1] - groups.get(k)[0];
    }

    private static boolean cardLayout(List<int[]> groups, int s, int e) {
        if (s == e) {
            return true;
        }
        int count = e - s + 1;
        int[] len = new int[count];
        for (int k = 0; k < count; k++) {
            len[k] = groups.get(s + k)[1] - groups.get(s + k)[0];
        }
        if (count == 3 && len[0] == 4 && len[1] == 6 && (len[2] == 5 || len[2] == 4)) {
            return true; // Amex 4-6-5, Diners 4-6-4
        }
        for (int k = 0; k < count - 1; k++) {
            if (len[k] != 4) {
                return false;
            }
        }
        return len[count - 1] >= 1 && len[count - 1] <= 4;
    }

    private static String digitsOf(String text, int start, int end) {
        StringBuilder sb = new StringBuilder(19);
        for (int k = start; k < end; k++) {
            if (isDigit(text.charAt(k))) {
                sb.append(text.charAt(k));
            }
        }
        return sb.toString();
    }

    private static boolean isCard(String text, int start, int end) {
        String d = digitsOf(text, start, end);
        return d.length() >= 12 && d.length() <= 19 && issuedRange(d) && luhn(d);
    }

    private static boolean issuedRange(String d) {
        int two = Integer.parseInt(d.substring(0, 2));
        int four = Integer.parseInt(d.substring(0, 4));
        return switch (d.charAt(0)) {
            case '2' -> (four >= 2200 && four <= 2204) || (four >= 2221 && four <= 2720);
            case '3' -> two == 30 || (two >= 34 && two <= 39);
            case '4', '5', '6' -> true;
            default -> false;
        };
    }

    /** The Luhn checksum (ISO/IEC 7812-1 annex B) over a string of digits. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int k = digits.length() - 1; k >= 0; k--) {
            int v = digits.charAt(k) - '0';
            if (doubled) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Keys starting "sk-": this platform's (sk-live-/sk-test- and 40 characters of KeySecrets' alphabet, shown to
    // operators as prefix + last four, ai-visual-studio §2 "Keys may include test keys (for development) and live keys
    // (for production)"), Anthropic-style (sk-ant-…) and OpenAI-style (sk-…, sk-proj-…). ai-visual-studio §3: "Never
    // share API keys publicly" — a key pasted into a ticket is exposed and is removed.

    // starts with a literal so the engine skips ahead; the left boundary is checked after the match
    private static final Pattern SK_TOKEN = Pattern.compile("sk-[A-Za-z0-9_\\-]++");
    private static final String PLATFORM_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PLATFORM_SECRET_LENGTH = 40;
    private static final List<String> OPENAI_PREFIXES = List.of("sk-proj-", "sk-svcacct-", "sk-admin-", "sk-");

    private static void sKeys(String text, List<Hit> hits) {
        Matcher m = SK_TOKEN.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            if (start > 0 && (isWordChar(text.charAt(start - 1)) || text.charAt(start - 1) == '-')) {
                continue; // "task-…", "risk-…": the whole token is a word, not a key
            }
            // a dash or underscore at the very end is punctuation, not key material
            while (end > start && (text.charAt(end - 1) == '-' || text.charAt(end - 1) == '_')) {
                end--;
            }
            if (end - start <= 3) {
                continue;
            }
            String token = text.substring(start, end);
            if (token.startsWith("sk-live-") || token.startsWith("sk-test-")) {
                platformKey(token, start, end, hits);
            } else if (token.startsWith("sk-ant-")) {
                String body = token.substring("sk-ant-".length());
                if (body.length() >= 20 && looksRandom(body)) {
                    hits.add(hit(Kind.ANTHROPIC_KEY, start, end, "sk-ant-…" + last4(token)));
                }
            } else {
                String prefix = OPENAI_PREFIXES.stream().filter(token::startsWith).findFirst().orElseThrow();
                String body = token.substring(prefix.length());
                if (body.length() >= 20 && looksRandom(body)) {
                    hits.add(hit(Kind.OPENAI_KEY, start, end, prefix + "…" + last4(token)));
                }
            }
        }
    }

    private static void platformKey(String token, int start, int end, List<Hit> hits) {
        String mode = token.substring(3, 7);
        String body = token.substring(8);
        if (body.length() < 20) {
            return;
        }
        String kept = token.substring(0, 12) + "…" + last4(token);
        boolean wellFormed = body.length() == PLATFORM_SECRET_LENGTH
                && body.chars().allMatch(c -> PLATFORM_ALPHABET.indexOf(c) >= 0);
        if (wellFormed) {
            hits.add(new Hit(Kind.PLATFORM_KEY, start, end, kept, marker(Kind.PLATFORM_KEY, kept), token, mode));
        } else if (looksRandom(body)) {
            // truncated or mistyped: still a secret, but it cannot match a key's hash
            hits.add(hit(Kind.PLATFORM_KEY, start, end, kept));
        }
    }

    private static String last4(String s) {
        return s.substring(s.length() - 4);
    }

    // Generated key material mixes digits, upper and lower case; hyphenated words, package and model names do not.
    private static boolean looksRandom(String s) {
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            digit |= isDigit(c);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        return digit && upper && lower;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // AWS: access key ids are AKIA (long-term) or ASIA (temporary) and 16 upper-case letters or digits; secret access
    // keys are 40 base64 characters and only recognisable by their label.

    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])");
    private static final Pattern AWS_SECRET_KEY = Pattern.compile(
            "(?i)(?=[as])(?<![A-Za-z0-9])(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key|aws secret (?:access )?key)"
                    + "[\"']?[ \\t]{0,3}(?:[:=]|=>)?[ \\t]{0,3}[\"']?"
                    + "(?-i)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");

    private static void awsAccessKeyIds(String text, List<Hit> hits) {
        Matcher m = AWS_ACCESS_KEY_ID.matcher(text);
        while (m.find()) {
            String id = m.group();
            if (id.endsWith("EXAMPLE")) {
                continue; // AKIAIOSFODNN7EXAMPLE, the id AWS's own documentation uses
            }
            hits.add(hit(Kind.AWS_ACCESS_KEY_ID, m.start(), m.end(), id.substring(0, 4) + "…" + last4(id)));
        }
    }

    private static void awsSecretKeys(String text, List<Hit> hits) {
        Matcher m = AWS_SECRET_KEY.matcher(text);
        while (m.find()) {
            hits.add(hit(Kind.AWS_SECRET_KEY, m.start(1), m.end(1), ""));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PEM private keys (pixapi §10 "private keys"): from "-----BEGIN … PRIVATE KEY-----" over the base64 body and its
    // headers to the END line. A key pasted without its END line is removed up to the last body line, so the
    // sentence after it survives.

    private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN ((?:[A-Z0-9]{1,20} ){0,3}?)PRIVATE KEY-----");
    private static final Pattern PEM_END = Pattern.compile("-----END (?:[A-Z0-9]{1,20} ){0,3}?PRIVATE KEY-----");

    private static void privateKeys(String text, List<Hit> hits) {
        Matcher begin = PEM_BEGIN.matcher(text);
        Matcher end = PEM_END.matcher(text);
        int from = 0;
        while (from < text.length() && begin.find(from)) {
            String type = begin.group(1).trim();
            int stop = pemBodyEnd(text, begin.end());
            int next = skipSpace(text, stop);
            if (end.region(next, text.length()).lookingAt()) {
                stop = end.end();
            }
            hits.add(new Hit(Kind.PRIVATE_KEY, begin.start(), stop, type,
                    type.isEmpty() ? "[private key removed]" : "[" + type + " private key removed]", null, null));
            from = stop;
        }
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    // Consumes whitespace-separated base64 tokens and "Proc-Type:"/"DEK-Info:" header lines; returns the end of the
    // last one consumed.
    private static int pemBodyEnd(String text, int i) {
        int stop = i;
        while (true) {
            int t = skipSpace(text, stop);
            if (text.startsWith("Proc-Type:", t) || text.startsWith("DEK-Info:", t)) {
                int eol = text.indexOf('\n', t);
                stop = eol < 0 ? text.length() : eol;
                continue;
            }
            int e = t;
            boolean strong = false;
            while (e < text.length() && !Character.isWhitespace(text.charAt(e))) {
                char c = text.charAt(e);
                if (!(isWordChar(c) && c != '_') && c != '+' && c != '/' && c != '=') {
                    return stop;
                }
                strong |= isDigit(c) || c == '+' || c == '/' || c == '=';
                e++;
            }
            if (e == t || !(strong || e - t >= 16)) {
                return stop;
            }
            stop = e;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Passwords given as such (pixapi §10 "passwords"): "password: x", "pwd=x", "passwd x", "my password is x",
    // "postgres://user:x@host", in
    // the languages tickets arrive in. The label stays, the value is replaced. The word in prose ("I forgot my
    // password", "password reset link doesn't work") is not a password.

    private static final String LABELS = "password|passwort|passwd|pwd|kennwort|wachtwoord|mot de passe|contraseña"
            + "|contrasena|senha|пароль|has[łl]o|passcode|パスワード|密码|密碼|비밀번호";
    // The leading class lets the engine reject most positions with one comparison instead of one per label.
    private static final String LABEL_START = "(?=[pkwmcsпhパ密비])";
    private static final Pattern PASSWORD_ASSIGNED = Pattern.compile(
            "(?iu)" + LABEL_START + "(?:" + LABELS + "|pw)[\"']?[ \\t]{0,3}(?:[:=：]|=>)[ \\t]{0,3}");
    private static final Pattern PASSWORD_SAID = Pattern.compile(
            "(?iu)" + LABEL_START + "(?:" + LABELS + ")[ \\t]{1,3}(?:is now|is still|is|was|ist|war|lautet|est|es|era|é|è|это)"
                    + "(?:[ \\t]{0,3}[:：][ \\t]{0,3}|[ \\t]{1,3})");
    // scheme://user:password@host, as in a pasted database or proxy URL
    private static final Pattern URL_PASSWORD = Pattern.compile("(?<=[A-Za-z0-9]://)[^\\s:/@]{1,64}:([^\\s@/]{1,128})@");
    private static final Pattern PASSWORD_BARE = Pattern.compile("(?i)(?=p)(?:password|passwd|pwd)[ \\t]{1,3}");
    private static final Pattern WRAPPING_PUNCTUATION = Pattern.compile("^[(<]++|[.,;:!?)>]++$");
    private static final Set<String> NOT_A_PASSWORD = Set.of(
            // what prose puts after "password:" or "password is"
            "i", "we", "my", "the", "a", "an", "it", "this", "that", "how", "can", "cannot", "can't", "please", "not",
            "no", "too", "incorrect", "wrong", "invalid", "correct", "right", "required", "expired", "empty", "missing",
            "blank", "rejected", "accepted", "ok", "okay", "fine", "being", "still", "now", "definitely", "case", "different",
            "same", "very", "really", "longer", "shorter", "long", "short", "weak", "strong", "secure", "saved", "stored",
            "changed", "reset", "set", "sent", "visible", "hidden", "shown", "mandatory", "optional", "in", "on", "at",
            "for", "of", "forgotten", "forgot", "locked", "lost", "unknown", "none", "n/a", "null", "***", "********",
            "nicht", "falsch", "richtig", "korrekt", "abgelaufen", "zu", "vergessen", "ungültig", "pas", "faux",
            "expiré", "trop", "oublié", "incorrecta", "correcta", "muy", "demasiado", "olvidada", "não",
            "incorreta", "errada", "correta", "inválida", "неверный", "верный", "правильный", "не");

    private static void passwords(String text, List<Hit> hits) {
        passwordValues(text, PASSWORD_ASSIGNED.matcher(text), 1, false, hits);
        passwordValues(text, PASSWORD_SAID.matcher(text), 4, false, hits);
        passwordValues(text, PASSWORD_BARE.matcher(text), 6, true, hits);
        Matcher url = URL_PASSWORD.matcher(text);
        while (url.find()) {
            hits.add(passwordHit(url.start(1), url.end(1)));
        }
    }

    private static void passwordValues(String text, Matcher m, int minLength, boolean mustLookSecret, List<Hit> hits) {
        while (m.find()) {
            int labelStart = m.start();
            if (labelStart > 0 && isWordChar(text.charAt(labelStart - 1)) && text.charAt(labelStart - 1) != '_') {
                continue; // whole words only, or the end of a variable name: DB_PASSWORD=… counts, "mypassword" not
            }
            if (labelStart > 0 && markerAt(text, labelStart - 1)) {
                continue; // the word inside our own "[password removed]"
            }
            int v = m.end();
            if (v >= text.length() || markerAt(text, v)) {
                continue;
            }
            char q = text.charAt(v);
            int end;
            if (q == '"' || q == '\'' || q == '`') {
                int close = indexWithin(text, q, v + 1, 129);
                if (close < 0 || close == v + 1) {
                    continue;
                }
                end = close + 1;
                hits.add(passwordHit(v, end));
                continue;
            }
            end = v;
            while (end < text.length() && end - v < 128 && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (end == v) {
                continue;
            }
            String value = text.substring(v, end);
            String word = WRAPPING_PUNCTUATION.matcher(value).replaceAll("").toLowerCase(Locale.ROOT);
            if (word.length() < minLength || NOT_A_PASSWORD.contains(word)) {
                continue;
            }
            if (mustLookSecret && !(value.chars().anyMatch(Character::isDigit)
                    && value.chars().anyMatch(Character::isLetter))) {
                continue;
            }
            hits.add(passwordHit(v, end));
        }
    }

    // A value that is already a marker ("password: [password removed]") keeps the scan idempotent.
    private static boolean markerAt(String text, int i) {
        if (!text.startsWith("[", i)) {
            return false;
        }
        int close = indexWithin(text, ']', i, 80);
        return close > i && text.startsWith(" removed]", close - 8);
    }

    // indexOf bounded to a window, so a value that never closes cannot make the scan quadratic.
    private static int indexWithin(String text, char c, int from, int window) {
        int limit = Math.min(text.length(), from + window);
        for (int k = from; k < limit; k++) {
            if (text.charAt(k) == c) {
                return k;
            }
        }
        return -1;
    }

    private static Hit passwordHit(int start, int end) {
        return hit(Kind.PASSWORD, start, end, "");
    }
}
