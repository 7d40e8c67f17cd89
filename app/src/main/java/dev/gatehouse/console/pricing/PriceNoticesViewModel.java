package dev.gatehouse.console.pricing;

import dev.gatehouse.api.Page;
import dev.gatehouse.api.PriceNotice;
import dev.gatehouse.console.shell.Loader;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.concurrent.Executor;

/**
 * Who was notified of which price raise (issue 11 "a list shows who was notified of what"): every notice, newest first,
 * filtered by account or model id, a page at a time. The notice record is what a mailer would send.
 */
public final class PriceNoticesViewModel {
    static final int PAGE = 100;

    /** One notice as the table shows it. */
    public record Row(String created, String account, String model, String effective, String summary, String reason, boolean emergency) {}

    private final PriceNoticesApi api;
    private final ZoneId zone;
    private final Loader<Page<PriceNotice>> loader;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty accountFilter = new SimpleStringProperty(this, "accountFilter", "");
    private final StringProperty modelFilter = new SimpleStringProperty(this, "modelFilter", "");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more", false);
    private String next;
    private boolean append;

    public PriceNoticesViewModel(PriceNoticesApi api, Executor fx, ZoneId zone) {
        this.api = api;
        this.zone = zone;
        this.loader = new Loader<Page<PriceNotice>>(fx).onLoaded(this::show);
    }

    /** Loads the first page for the filters as typed. */
    public void search() {
        append = false;
        String account = blankToNull(accountFilter.get());
        String model = blankToNull(modelFilter.get());
        loader.load(() -> api.notices(account, model, null, PAGE));
    }

    public void loadMore() {
        if (next == null || loader.isLoading()) {
            return;
        }
        append = true;
        String cursor = next;
        String account = blankToNull(accountFilter.get());
        String model = blankToNull(modelFilter.get());
        loader.load(() -> api.notices(account, model, cursor, PAGE));
    }

    private void show(Page<PriceNotice> page) {
        var shown = page.data().stream().map(n -> new Row(PriceText.when(n.createdAt(), zone), n.accountName() + " · " + n.accountId(),
                n.modelName(), PriceText.when(n.effectiveAt(), zone), n.summary(), n.reason(), n.emergency())).toList();
        if (append) {
            rows.addAll(shown);
        } else {
            rows.setAll(shown);
        }
        next = page.nextCursor();
        more.set(next != null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Loader<Page<PriceNotice>> loader() { return loader; }
    public ObservableList<Row> rows() { return rows; }
    public StringProperty accountFilterProperty() { return accountFilter; }
    public StringProperty modelFilterProperty() { return modelFilter; }
    public ReadOnlyBooleanProperty moreProperty() { return more.getReadOnlyProperty(); }
}
