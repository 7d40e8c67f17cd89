package dev.gatehouse.console.shell;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;

import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The console's log: a rolling file, {@code ~/.gatehouse/logs/console.log} (a new file per day and past 10 MB, a
 * week kept, gzipped), set up when the console starts; the headless gateway keeps logging to stderr. The system
 * property {@value #DIRECTORY_PROPERTY} moves the directory (the test suite points it into target/).
 */
public final class ConsoleLogFile {
    public static final String DIRECTORY_PROPERTY = "gatehouse.log.dir";
    static final String CONFIG = "/logback-console.xml";

    private ConsoleLogFile() {}

    /** The log directory: {@value #DIRECTORY_PROPERTY} if set, else .gatehouse/logs under the user's home. */
    public static Path directory(UnaryOperator<String> systemProperty) {
        String set = systemProperty.apply(DIRECTORY_PROPERTY);
        if (set != null && !set.isBlank()) {
            return Path.of(set.strip());
        }
        return Path.of(systemProperty.apply("user.home"), ".gatehouse", "logs");
    }

    /** Points this process's logging at the console's file; returns the file. */
    public static Path configure() throws JoranException {
        return configure((LoggerContext) LoggerFactory.getILoggerFactory(), directory(System::getProperty));
    }

    /**
     * Replaces {@code context}'s configuration with the console's, writing under {@code dir}; returns the file.
     *
     * @throws IllegalStateException when the file cannot be written (logback only records that as a status); warnings
     *                               still reach stderr then
     */
    public static Path configure(LoggerContext context, Path dir) throws JoranException {
        context.reset();
        context.putProperty("LOG_DIR", dir.toAbsolutePath().toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        int earlier = context.getStatusManager().getCopyOfStatusList().size();
        configurator.doConfigure(Objects.requireNonNull(ConsoleLogFile.class.getResource(CONFIG), CONFIG));
        List<Status> statuses = context.getStatusManager().getCopyOfStatusList();
        Optional<Status> error = statuses.subList(earlier, statuses.size()).stream().filter(s -> s.getLevel() >= Status.ERROR).findFirst();
        if (error.isPresent()) {
            throw new IllegalStateException("Cannot write the console log under " + dir.toAbsolutePath() + ": " + error.get().getMessage());
        }
        return dir.toAbsolutePath().resolve("console.log");
    }
}
