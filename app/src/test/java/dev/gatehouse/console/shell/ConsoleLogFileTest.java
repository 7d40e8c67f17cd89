package dev.gatehouse.console.shell;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's log file, configured on a logging context of the test's own (the suite's logging stays as it is). */
class ConsoleLogFileTest {
    @Test
    void theDirectoryIsUnderTheHomeUnlessThePropertyMovesIt() {
        assertThat(ConsoleLogFile.directory(Map.of("user.home", "/home/lena")::get)).isEqualTo(Path.of("/home/lena/.gatehouse/logs"));
        assertThat(ConsoleLogFile.directory(Map.of("user.home", "/home/lena", ConsoleLogFile.DIRECTORY_PROPERTY, " /tmp/gh ")::get))
                .isEqualTo(Path.of("/tmp/gh"));
    }

    @Test
    void theSuiteNeverWritesIntoTheRealHome() {
        assertThat(ConsoleLogFile.directory(System::getProperty).startsWith(Path.of(System.getProperty("user.home"), ".gatehouse")))
                .as("surefire sets " + ConsoleLogFile.DIRECTORY_PROPERTY).isFalse();
    }

    @Test
    void logsGoToARollingFileThatKeepsAWeek(@TempDir Path dir) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        Path file = ConsoleLogFile.configure(context, dir.resolve("logs"));
        assertThat(file).isEqualTo(dir.resolve("logs/console.log").toAbsolutePath());

        context.getLogger(ConsoleLogFileTest.class).info("Signed in to https://gw.example as op_lead (lead)");
        context.getLogger("org.eclipse.jetty.server").info("jetty chatter stays out");
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var appender = (RollingFileAppender<?>) root.getAppender("FILE");
        var policy = (SizeAndTimeBasedRollingPolicy<?>) appender.getRollingPolicy();
        context.stop();

        assertThat(Files.readString(file)).contains("INFO").contains("Signed in to https://gw.example as op_lead (lead)")
                .doesNotContain("jetty chatter");
        assertThat(policy.getMaxHistory()).isEqualTo(7);
        assertThat(policy.getFileNamePattern()).endsWith("console.%d{yyyy-MM-dd}.%i.log.gz");
    }

    @Test
    void anUnwritableDirectoryIsReportedNotIgnored(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("taken"), "a file where the directory should be");
        LoggerContext context = new LoggerContext();
        assertThatThrownBy(() -> ConsoleLogFile.configure(context, notADirectory))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Cannot write the console log under " + notADirectory);
        context.stop();
    }
}
