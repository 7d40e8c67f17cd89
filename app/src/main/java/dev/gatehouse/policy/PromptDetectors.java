package dev.gatehouse.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data plane's automated detectors: a small, explicit rule set over a prompt, each rule naming the report category it
 * files and the clause it enforces. A hit files an abuse report for a person to review (the request is still served);
 * the rules are deliberately narrow, so a report is worth a reviewer's time.
 * <ul>
 *   <li>{@code csam_terms}: a term for a minor and a sexual term in one prompt (ai-visual-studio §7 "Child sexual abuse
 *       material (CSAM) or any content sexualizing minors"; decart §3.5).</li>
 *   <li>{@code malware_terms}: asking for malware by name (ransomware, keylogger, botnet, reverse shell, cryptojacking,
 *       antivirus evasion) (ai-visual-studio §7 "Interfere with or disrupt … connected infrastructure"; pixapi §5
 *       "promote … malware").</li>
 *   <li>{@code credential_harvesting}: phishing pages or kits, stealing passwords, credentials or cookies
 *       (ai-visual-studio §7 "Fraudulent content intended to deceive (… scam materials)"; pixapi §5 "fraud, scams").</li>
 *   <li>{@code live_key_in_prompt}: a live platform key pasted into a prompt, found by {@link SecretScanner}: a key
 *       handed around is shared or leaked (ai-visual-studio §7 "Resell, sublicense, or redistribute API access", §3 key
 *       compromise; pixapi "API keys are credentials. Keep them secret").</li>
 * </ul>
 */
public final class PromptDetectors {
    /** Prompts are read up to this many characters: detection stays cheap on 1 MiB bodies. */
    public static final int MAX_SCANNED = 20_000;

    private static final Pattern MINOR = Pattern.compile(
            "\\b(child|children|minor|minors|underage|under-age|preteen|pre-teen|kid|kids|toddler|schoolgirl|schoolboy|loli"
                    + "|(?:[1-9]|1[0-7])[- ]?(?:yo|y/o|years?[- ]old))\\b");
    private static final Pattern SEXUAL = Pattern.compile(
            "\\b(nude|nudes|naked|sexual|sexualized|sexy|explicit|porn|pornographic|erotic|nsfw|lingerie|undressed)\\b");
    private static final Pattern MALWARE = Pattern.compile(
            "\\b(ransomware|keylogger|key logger|botnet|reverse shell|cryptojack(?:er|ing)?|rootkit"
                    + "|(?:disable|evade|bypass) (?:the )?(?:antivirus|anti-virus|edr|windows defender))\\b");
    private static final Pattern CREDENTIALS = Pattern.compile(
            "\\b(phishing (?:page|kit|site|email|e-mail|template)s?|credential harvest(?:ing|er)?"
                    + "|steal (?:their |the |user |users' |someone's )?(?:passwords?|credentials|cookies|session tokens?)"
                    + "|fake (?:bank )?login page)\\b");

    private PromptDetectors() {}

    /** One rule that fired: its name, the category it files, the clause, and the words that tripped it. */
    public record Hit(String rule, ReportCategory category, String clause, String evidence) {}

    public static List<Hit> detect(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return List.of();
        }
        String text = prompt.length() > MAX_SCANNED ? prompt.substring(0, MAX_SCANNED) : prompt;
        String lower = text.toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        Matcher minor = MINOR.matcher(lower);
        Matcher sexual = SEXUAL.matcher(lower);
        if (minor.find() && sexual.find()) {
            hits.add(new Hit("csam_terms", ReportCategory.CSAM, "ai-visual-studio §7, decart §3.5",
                    "'" + minor.group() + "' with '" + sexual.group() + "'"));
        }
        Matcher malware = MALWARE.matcher(lower);
        if (malware.find()) {
            hits.add(new Hit("malware_terms", ReportCategory.MALWARE_ATTACK, "ai-visual-studio §7, pixapi §5", "'" + malware.group() + "'"));
        }
        Matcher credentials = CREDENTIALS.matcher(lower);
        if (credentials.find()) {
            hits.add(new Hit("credential_harvesting", ReportCategory.FRAUD_DECEPTION, "ai-visual-studio §7, pixapi §5",
                    "'" + credentials.group() + "'"));
        }
        if (text.contains("sk-live-")) { // the scanner only when a key could be there: most prompts skip it
            SecretScanner.scan(text).exposedKeys().stream().filter(k -> k.mode().equals("live")).findFirst().ifPresent(k ->
                    hits.add(new Hit("live_key_in_prompt", ReportCategory.KEY_SHARING_RESALE, "ai-visual-studio §3, §7",
                            "a live platform key (" + k.finding().kept() + ")")));
        }
        return List.copyOf(hits);
    }
}
