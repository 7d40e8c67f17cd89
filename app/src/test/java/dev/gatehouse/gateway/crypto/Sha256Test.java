package dev.gatehouse.gateway.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void knownVector() {
        assertThat(Sha256.of("abc")).isEqualTo(ABC);
        assertThat(Sha256.of("abc")).isEqualTo(ABC);
    }

    /** A digest left half-fed (say, by a failed request) doesn't leak into the next hash on that thread. */
    @Test
    void everyDigestStartsEmpty() {
        Sha256.digest().update("left over".getBytes(StandardCharsets.UTF_8));
        var d = Sha256.digest();
        d.update("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(Sha256.hex(d)).isEqualTo(ABC);
    }
}
