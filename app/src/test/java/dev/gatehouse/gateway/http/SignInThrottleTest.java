package dev.gatehouse.gateway.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8 §4: failed sign-ins are limited per client address, with Retry-After, and logged once per minute. */
class SignInThrottleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-22T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void twentyFailuresInAMinuteThrottleTheAddressUntilTheMinuteIsOver() {
        HandClock clock = new HandClock();
        SignInThrottle throttle = new SignInThrottle(clock);
        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("10.0.0.1");
            clock.now = clock.now.plusSeconds(1);
        }
        assertThat(throttle.throttledFor("10.0.0.1")).isZero();
        throttle.failed("10.0.0.1");                                   // the 20th, 19 s after the first
        assertThat(throttle.throttledFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(41));
        assertThat(throttle.throttledFor("10.0.0.2")).isZero();        // other addresses are not affected
        clock.now = clock.now.plusMillis(40_500);
        assertThat(throttle.throttledFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(1)); // rounded up, never 0 while throttled
        clock.now = clock.now.plusMillis(500);
        assertThat(throttle.throttledFor("10.0.0.1")).isZero();
        throttle.failed("10.0.0.1");                                   // a new window starts from one
        assertThat(throttle.throttledFor("10.0.0.1")).isZero();
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotThrottle() {
        HandClock clock = new HandClock();
        SignInThrottle throttle = new SignInThrottle(clock);
        for (int i = 0; i < 3 * SignInThrottle.MAX_FAILURES; i++) {
            throttle.failed("10.0.0.1");
            clock.now = clock.now.plusSeconds(4);
            assertThat(throttle.throttledFor("10.0.0.1")).isZero();
        }
    }

    @Test
    void theLogSaysSoOncePerMinutePerAddressNotPerRequest() {
        HandClock clock = new HandClock();
        SignInThrottle throttle = new SignInThrottle(clock);
        Logger logger = (Logger) LoggerFactory.getLogger(SignInThrottle.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try {
            for (int minute = 0; minute < 3; minute++) {
                for (int i = 0; i < 100; i++) {
                    throttle.failed("10.0.0.1");
                    throttle.failed("10.0.0.2");
                }
                clock.now = clock.now.plus(SignInThrottle.WINDOW);
            }
        } finally {
            logger.detachAppender(seen);
        }
        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(m -> m.startsWith("throttling failed sign-ins from 10.0.0.1")).hasSize(3);
        assertThat(seen.list).hasSize(6);
    }

    @Test
    void overHttpTheTwentyFirstAttemptIs429WithRetryAfterAndNoTokenCheck() {
        try (TestGateway gw = new TestGateway(Database.inMemory());
             RawHttp guesser = new RawHttp(HostileInputTest.port(gw), "127.0.0.7");
             RawHttp colleague = new RawHttp(HostileInputTest.port(gw), "127.0.0.1")) {
            String good = "Authorization: Bearer " + gw.token(Role.VIEWER);
            assertThat(guesser.get("/admin/v1/me", good).status()).isEqualTo(200);
            for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
                String header = i % 2 == 0 ? "Authorization: Bearer guess" + i : "X-No-Token: " + i;
                HostileInputTest.assertProblem(guesser.get("/admin/v1/me", header), ProblemType.UNAUTHORIZED);
            }
            RawHttp.Response throttled = guesser.get("/admin/v1/me", "Authorization: Bearer guess-21");
            HostileInputTest.assertProblem(throttled, ProblemType.TOO_MANY_REQUESTS);
            assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
            // the whole address waits, a right token included: a different answer would confirm the guess
            HostileInputTest.assertProblem(guesser.get("/admin/v1/me", good), ProblemType.TOO_MANY_REQUESTS);
            // other clients are not affected, and neither is what needs no sign-in
            assertThat(colleague.get("/admin/v1/me", good).status()).isEqualTo(200);
            assertThat(guesser.get("/healthz").status()).isEqualTo(200);
        }
    }
}
