package dev.gatehouse.gateway.support;

import dev.gatehouse.gateway.keys.KeySecrets;
import dev.gatehouse.policy.SecretScanner;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text arriving on a ticket, after the secret scanner (pixapi §10: secrets are never stored; DESIGN §4 "secrets in
 * tickets"): the redacted text to store, the kinds removed, the keys of this platform whose secrets it held (matched by
 * the SHA-256 the key store keeps, as the data plane looks keys up), and the key and refund ids it names.
 */
record InboundText(String text, List<String> redactions, List<String> exposedKeyIds, Set<String> namedKeys,
                   Set<String> namedRefunds) {
    private static final Pattern KEY_ID = Pattern.compile("\\bkey_[0-9A-Za-z]{12,16}\\b");
    private static final Pattern REFUND_ID = Pattern.compile("\\brfd_[0-9A-Za-z]{12,16}\\b");

    // a hostile text naming thousands of ids must not cost thousands of lookups
    private static final int MAX_NAMED = 20;

    boolean redacted() {
        return !redactions.isEmpty();
    }

    static InboundText scan(Handle h, String raw) {
        SecretScanner.Scan scan = SecretScanner.scan(raw);
        Set<String> kinds = new LinkedHashSet<>();
        scan.findings().forEach(f -> kinds.add(f.kind().slug()));
        List<String> exposed = new ArrayList<>();
        for (SecretScanner.ExposedKey k : scan.exposedKeys()) {
            // the secret lives only in this local variable: hashed, looked up, dropped
            TicketStore.keyByHash(h, KeySecrets.hash(k.secret())).ifPresent(key -> {
                if (!exposed.contains(key[0])) {
                    exposed.add(key[0]);
                }
            });
        }
        Set<String> keys = new LinkedHashSet<>();
        Matcher km = KEY_ID.matcher(scan.text());
        while (km.find() && keys.size() < MAX_NAMED) {
            if (TicketStore.keyExists(h, km.group())) {
                keys.add(km.group());
            }
        }
        keys.addAll(exposed);
        Set<String> refunds = new LinkedHashSet<>();
        Matcher rm = REFUND_ID.matcher(scan.text());
        while (rm.find() && refunds.size() < MAX_NAMED) {
            refunds.add(rm.group());
        }
        return new InboundText(scan.text(), List.copyOf(kinds), exposed, keys, refunds);
    }
}
