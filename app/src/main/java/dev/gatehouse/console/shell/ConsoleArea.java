package dev.gatehouse.console.shell;

import org.kordamp.ikonli.Ikon;

import java.util.Optional;
import java.util.function.Function;

/**
 * One area of the navigation rail (DESIGN §1). An area without a screen is listed but disabled until it is built:
 * to enable it, give it a screen factory in {@link dev.gatehouse.console.app.ConsoleAreas}, where the console is wired
 * (the shell never imports a feature screen).
 */
public record ConsoleArea(String id, String title, Ikon icon, Optional<Function<Session, Screen>> screen) {
    public boolean built() {
        return screen.isPresent();
    }
}
