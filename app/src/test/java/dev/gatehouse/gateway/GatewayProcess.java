package dev.gatehouse.gateway;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.policy.Role;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gatehouse gateway …} as a child process on this test's JVM binary and classpath, so a test can kill it the
 * way an operating system does (SIGKILL: no shutdown hook, no flush). Reads the bound port and the demo tokens from
 * its output.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("gateway listening on http://127\\.0\\.0\\.1:(\\d+) ");
    private static final Pattern TOKEN = Pattern.compile("^role=(\\w+) token=(\\S+)$");

    private final Process process;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private GatewayProcess(List<String> gatewayArgs) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classpath(), Gatehouse.class.getName(), "gateway", "--port", "0"));
        command.addAll(gatewayArgs);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        Thread reader = new Thread(this::readOutput, "gateway-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a gateway with these arguments (after {@code gateway --port 0}) and waits until it listens. */
    public static GatewayProcess start(List<String> gatewayArgs) {
        GatewayProcess p = new GatewayProcess(gatewayArgs);
        try {
            p.port.get(60, TimeUnit.SECONDS);
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.close();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            p.close();
            throw new IllegalStateException("the gateway did not start; its last output:\n" + p.lastOutput(), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port.join();
    }

    public String token(Role role) {
        synchronized (tokens) {
            return tokens.get(role);
        }
    }

    /** SIGKILL on Linux and macOS ({@link Process#destroyForcibly()}), then waits for the process to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gateway survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String lastOutput() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.removeFirst();
                    }
                }
                Matcher t = TOKEN.matcher(line);
                if (t.matches()) {
                    synchronized (tokens) {
                        tokens.put(Role.fromWire(t.group(1)).orElseThrow(), t.group(2));
                    }
                }
                Matcher l = LISTENING.matcher(line);
                if (l.find()) {
                    port.complete(Integer.parseInt(l.group(1)));
                }
            }
        } catch (IOException e) {
            // the process is gone; its exit is what the test looks at
        }
        port.completeExceptionally(new IllegalStateException("the gateway exited with " + exitCode()));
    }

    private String exitCode() {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    /**
     * The test's runtime classpath. Surefire may run tests from a manifest-only jar, and java.class.path is then that
     * one jar; its own property always holds the plain list.
     */
    static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
