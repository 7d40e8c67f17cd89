package dev.gatehouse.console.shell;

import com.github.javakeyring.Keyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Operator tokens of recent platforms, kept in the operating system's keychain (macOS Keychain, Windows Credential
 * Manager, the Secret Service on Linux) through java-keyring, or not at all (issue 13): never in a plain file. Where
 * no keychain answers (a headless CI machine), nothing is remembered and the operator types the token again.
 * Calls may block on the keychain: make them off the FX thread.
 */
public interface TokenKeychain {
    /** Whether tokens can be remembered here. */
    boolean available();

    Optional<String> token(String platformUrl, String operator);

    /** Remembers the token; false when there is no keychain (nothing was written anywhere). */
    boolean save(String platformUrl, String operator, String token);

    void forget(String platformUrl, String operator);

    /** A keychain that remembers nothing, for machines without one. */
    TokenKeychain NONE = new TokenKeychain() {
        @Override public boolean available() { return false; }
        @Override public Optional<String> token(String url, String operator) { return Optional.empty(); }
        @Override public boolean save(String url, String operator, String token) { return false; }
        @Override public void forget(String url, String operator) { }
    };

    /** The system keychain, looked for on first use (which blocks: call it off the FX thread), then kept. */
    static TokenKeychain lazySystem() {
        return new TokenKeychain() {
            private TokenKeychain found;

            private synchronized TokenKeychain found() {
                if (found == null) {
                    found = system();
                }
                return found;
            }

            @Override public boolean available() { return found().available(); }
            @Override public Optional<String> token(String url, String operator) { return found().token(url, operator); }
            @Override public boolean save(String url, String operator, String token) { return found().save(url, operator, token); }
            @Override public void forget(String url, String operator) { found().forget(url, operator); }
        };
    }

    /** The operating system's keychain, or {@link #NONE} when this machine has none that answers. */
    static TokenKeychain system() {
        Logger log = LoggerFactory.getLogger(TokenKeychain.class);
        try {
            Keyring keyring = Keyring.create();
            return new TokenKeychain() {
                private static final String SERVICE = "Gatehouse console";

                private String account(String url, String operator) {
                    return operator + " @ " + url;
                }

                @Override public boolean available() { return true; }

                @Override public Optional<String> token(String url, String operator) {
                    try {
                        return Optional.ofNullable(keyring.getPassword(SERVICE, account(url, operator)));
                    } catch (Exception e) {
                        return Optional.empty();
                    }
                }

                @Override public boolean save(String url, String operator, String token) {
                    try {
                        keyring.setPassword(SERVICE, account(url, operator), token);
                        return true;
                    } catch (Exception e) {
                        log.info("The keychain did not keep the token ({}); it will be asked for next time", e.getMessage());
                        return false;
                    }
                }

                @Override public void forget(String url, String operator) {
                    try {
                        keyring.deletePassword(SERVICE, account(url, operator));
                    } catch (Exception e) {
                        // nothing kept, nothing to forget
                    }
                }
            };
        } catch (Exception | LinkageError e) {
            log.info("No OS keychain on this machine ({}): tokens are not remembered", e.getMessage());
            return NONE;
        }
    }
}
