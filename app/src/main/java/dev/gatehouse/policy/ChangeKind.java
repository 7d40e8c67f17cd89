package dev.gatehouse.policy;

import java.util.Locale;

/**
 * Which way a change of prices or limits moves for customers. For prices, EASING is a decrease and TIGHTENING a
 * raise; for limits, EASING is loosening and TIGHTENING lowering any limit. MIXED (some lines up, some down) needs
 * notice like TIGHTENING (DESIGN §4 "notice for changes").
 */
public enum ChangeKind {
    UNCHANGED, EASING, TIGHTENING, MIXED;

    public boolean needsNotice() {
        return this == TIGHTENING || this == MIXED;
    }

    public static ChangeKind of(boolean anyTighter, boolean anyEasier) {
        return anyTighter ? anyEasier ? MIXED : TIGHTENING : anyEasier ? EASING : UNCHANGED;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The word for a price change: unchanged, decrease, raise, mixed. */
    public String priceWord() {
        return switch (this) {
            case UNCHANGED -> "unchanged";
            case EASING -> "decrease";
            case TIGHTENING -> "raise";
            case MIXED -> "mixed";
        };
    }

    /** The word for a limit change: unchanged, loosening, tightening, mixed. */
    public String limitWord() {
        return switch (this) {
            case UNCHANGED -> "unchanged";
            case EASING -> "loosening";
            case TIGHTENING -> "tightening";
            case MIXED -> "mixed";
        };
    }
}
