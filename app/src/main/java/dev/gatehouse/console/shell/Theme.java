package dev.gatehouse.console.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;

import java.util.Locale;

/** The AtlantaFX base theme plus styles/gatehouse.css on top, which only uses the theme's -color-* tokens. */
public enum Theme {
    LIGHT, DARK;

    public static final String APP_STYLESHEET = "/styles/gatehouse.css";
    private static final PseudoClass DARK_CLASS = PseudoClass.getPseudoClass("dark");

    public static Theme parse(String value) {
        return value != null && value.strip().toLowerCase(Locale.ROOT).equals("dark") ? DARK : LIGHT;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public String label() {
        return this == LIGHT ? "Light" : "Dark";
    }

    /**
     * Applies the theme process-wide; {@code root} is a pane the console owns (never a scene root that
     * ControlsFX might swap), so the :dark pseudo-class stays put.
     */
    public void apply(Node root) {
        Application.setUserAgentStylesheet(this == LIGHT
                ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
        root.pseudoClassStateChanged(DARK_CLASS, this == DARK);
    }
}
