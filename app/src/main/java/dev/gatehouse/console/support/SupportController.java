package dev.gatehouse.console.support;

import dev.gatehouse.console.shell.Shown;
import atlantafx.base.controls.CustomTextField;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.Macro;
import dev.gatehouse.api.Ticket;
import dev.gatehouse.api.TicketDetail;
import dev.gatehouse.api.TicketExposedKey;
import dev.gatehouse.api.TicketLink;
import dev.gatehouse.api.TicketMessage;
import dev.gatehouse.console.accounts.AccountCells;
import dev.gatehouse.console.accounts.AccountLabels;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.actions.ActionDialog;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.FilterOptions;
import dev.gatehouse.console.shell.ListDetailTable;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.shell.PagedListView;
import dev.gatehouse.console.shell.SearchField;
import dev.gatehouse.console.shell.TextFilter;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.TicketPriority;
import dev.gatehouse.policy.TicketState;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/** Binds support.fxml to {@link SupportViewModel}; the conversation and the context are built from its lists. */
public final class SupportController {
    private static final Duration FILTER_SETTLE = Duration.millis(300);
    private final SupportViewModel vm;
    private final ModalLayer layer;
    private TextFilter searchFilter;
    private boolean updatingChoices;

    @FXML private BorderPane supportRoot;
    @FXML private Label ticketsCountLabel;
    @FXML private Label shortcutsLabel;
    @FXML private ProgressBar ticketsLoadingBar;
    @FXML private Button ticketsRefreshButton;
    @FXML private HBox viewButtons;
    @FXML private CustomTextField ticketSearchField;
    @FXML private SplitPane supportSplit;
    @FXML private TableView<Ticket> ticketsTable;
    @FXML private TableColumn<Ticket, Ticket> slaColumn;
    @FXML private TableColumn<Ticket, Ticket> subjectColumn;
    @FXML private TableColumn<Ticket, Ticket> priorityColumn;
    @FXML private TableColumn<Ticket, Ticket> stateColumn;
    @FXML private VBox ticketsPlaceholder;
    @FXML private ProgressIndicator ticketsPlaceholderProgress;
    @FXML private FontIcon ticketsPlaceholderIcon;
    @FXML private Label ticketsPlaceholderTitle;
    @FXML private Label ticketsPlaceholderMessage;
    @FXML private Button ticketsPlaceholderButton;
    @FXML private HBox ticketsFooter;
    @FXML private Label ticketsFooterMessage;
    @FXML private Button loadMoreTicketsButton;
    @FXML private VBox ticketDetailEmpty;
    @FXML private VBox ticketDetailLoading;
    @FXML private VBox ticketDetailError;
    @FXML private Label ticketDetailErrorMessage;
    @FXML private HBox ticketDetailPane;
    @FXML private Label ticketSubject;
    @FXML private Label ticketRedactedBadge;
    @FXML private Label ticketStatePill;
    @FXML private Label ticketPriorityPill;
    @FXML private Label ticketSlaBadge;
    @FXML private Label ticketMeta;
    @FXML private VBox exposedKeysBox;
    @FXML private ComboBox<TicketState> ticketStateBox;
    @FXML private ComboBox<TicketPriority> ticketPriorityBox;
    @FXML private Button assignToMeButton;
    @FXML private Button unassignButton;
    @FXML private Label assigneeLabel;
    @FXML private ScrollPane conversationScroll;
    @FXML private VBox conversationBox;
    @FXML private ToggleButton replyToggle;
    @FXML private ToggleButton noteToggle;
    @FXML private MenuButton macroMenu;
    @FXML private MenuButton mergeMenu;
    @FXML private Button editMacrosButton;
    @FXML private Label macroAppliedLabel;
    @FXML private TextArea draftArea;
    @FXML private Label composerError;
    @FXML private ProgressIndicator sendingIndicator;
    @FXML private Button sendButton;
    @FXML private Label customerName;
    @FXML private Label customerEmail;
    @FXML private Label customerStatus;
    @FXML private Label customerTier;
    @FXML private Label customerId;
    @FXML private Label customerBalance;
    @FXML private Label keysTitle;
    @FXML private VBox contextKeysBox;
    @FXML private VBox linksSection;
    @FXML private VBox linksBox;
    @FXML private Label zoneNote;
    @FXML private VBox reportsBox;
    @FXML private VBox refundsBox;

    public SupportController(SupportViewModel vm, ModalLayer layer) {
        this.vm = vm;
        this.layer = layer;
    }

    @FXML
    private void initialize() {
        SplitPane.setResizableWithParent(supportSplit.getItems().get(1), false);
        ticketsCountLabel.textProperty().bind(vm.list().countTextProperty());
        ticketsLoadingBar.visibleProperty().bind(vm.list().loadingProperty());
        ticketsRefreshButton.disableProperty().bind(vm.list().loadingProperty());
        shortcutsLabel.setText("Ctrl+R reply · Ctrl+I note · Ctrl+M macro · Ctrl+Enter send · Ctrl+J next");
        bindViews();
        bindTable();
        bindDetail();
        bindComposer();
        bindShortcuts();
        SearchField.focusOnFind(supportRoot, ticketSearchField);
    }

    private void bindViews() {
        ToggleGroup group = new ToggleGroup();
        for (TicketView v : TicketView.values()) {
            ToggleButton b = new ToggleButton(v.label());
            b.setId("view" + v.name());
            b.setToggleGroup(group);
            b.setUserData(v);
            b.setFocusTraversable(false);
            b.getStyleClass().add(v.ordinal() == 0 ? "left-pill" : v.ordinal() == TicketView.values().length - 1 ? "right-pill" : "center-pill");
            b.setSelected(vm.viewProperty().get() == v);
            viewButtons.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true); // one view is always chosen
            } else {
                vm.viewProperty().set((TicketView) t.getUserData());
            }
        });
        searchFilter = TextFilter.bind(ticketSearchField, vm.searchProperty(), FILTER_SETTLE);
        SearchField.decorate(ticketSearchField, "clearTicketSearchButton", searchFilter::applyNow);
    }

    private void bindTable() {
        OperatorTime t = vm.time();
        slaColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        slaColumn.setCellFactory(col -> new TableCell<>() {
            private final Label badge = new Label();

            @Override
            protected void updateItem(Ticket row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                TicketText.Badge b = TicketText.sla(row, t);
                styleSla(badge, b);
                badge.setText(b.shortText());
                setGraphic(badge);
                setTooltip(new Tooltip(b.tooltip()));
            }
        });
        subjectColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        subjectColumn.setCellFactory(col -> new TableCell<>() {
            private final Label subject = new Label();
            private final Label account = new Label();
            private final FontIcon lock = new FontIcon("mdoal-lock");
            private final HBox top = new HBox(4, lock, subject);
            private final VBox box = new VBox(0, top, account);

            {
                account.getStyleClass().addAll("text-muted", "text-small");
                lock.getStyleClass().add("redacted-icon");
                lock.managedProperty().bind(lock.visibleProperty());
                top.setAlignment(Pos.CENTER_LEFT);
                subject.setMinWidth(0);
                account.setMinWidth(0);
            }

            @Override
            protected void updateItem(Ticket row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                subject.setText(row.subject());
                account.setText((row.accountName() == null ? row.accountId() : row.accountName()) + " · "
                        + (row.assignee() == null ? "unassigned" : row.assignee().equals(vm.me()) ? "me" : row.assigneeName()));
                lock.setVisible(row.redacted());
                setGraphic(box);
                setTooltip(new Tooltip(row.subject() + "\n" + row.id() + " · " + row.accountId()
                        + "\nAssignee: " + (row.assignee() == null ? "none" : row.assigneeName()) + (row.redacted() ? "\nSecrets were redacted from this ticket." : "")
                        + (row.exposedKeys() > 0 ? "\nA live key of this platform was posted here." : "")));
            }
        });
        pillColumn(priorityColumn, Ticket::priority, "priority-");
        pillColumn(stateColumn, Ticket::state, "ticket-");
        ticketsTable.setFixedCellSize(44);
        ListDetailTable.bind(ticketsTable, vm.model(), supportRoot);
        new PagedListView(ticketsPlaceholder, ticketsPlaceholderProgress, ticketsPlaceholderIcon, ticketsPlaceholderTitle,
                ticketsPlaceholderMessage, ticketsPlaceholderButton, ticketsFooter, ticketsFooterMessage, loadMoreTicketsButton)
                .bind(vm.list(), "tickets", vm::reload, this::clearSearch);
    }

    private static void pillColumn(TableColumn<Ticket, Ticket> column, java.util.function.Function<Ticket, String> value, String prefix) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(col -> new TableCell<>() {
            private final Label pill = new Label();

            {
                pill.getStyleClass().add("pill");
                pill.setMinWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(Ticket row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null) {
                    setGraphic(null);
                } else {
                    stylePill(pill, prefix, value.apply(row));
                    setGraphic(pill);
                }
            }
        });
    }

    private static void stylePill(Label pill, String prefix, String wire) {
        pill.getStyleClass().removeIf(c -> c.startsWith("pill-"));
        pill.getStyleClass().add("pill-" + prefix + wire);
        pill.setText(TicketText.word(wire));
    }

    private static void styleSla(Label badge, TicketText.Badge b) {
        badge.getStyleClass().removeIf(c -> c.startsWith("sla"));
        badge.getStyleClass().addAll("sla", b.style());
        badge.setText(b.text());
    }

    private void bindDetail() {
        var state = vm.detail().stateProperty();
        Shown.when(ticketDetailEmpty, state.isEqualTo(Loader.State.IDLE));
        Shown.when(ticketDetailLoading, state.isEqualTo(Loader.State.LOADING).and(vm.detailProperty().isNull()));
        Shown.when(ticketDetailError, state.isEqualTo(Loader.State.FAILED));
        Shown.when(ticketDetailPane, state.isEqualTo(Loader.State.LOADED)
                .or(state.isEqualTo(Loader.State.LOADING).and(vm.detailProperty().isNotNull())));
        ticketDetailErrorMessage.textProperty().bind(vm.detail().messageProperty());
        vm.detailProperty().addListener((o, a, d) -> showTicket(d));
        vm.messages().addListener((javafx.collections.ListChangeListener<TicketMessage>) c -> showConversation());
        vm.exposedKeys().addListener((javafx.collections.ListChangeListener<TicketExposedKey>) c -> showExposedKeys());
        vm.accountKeys().addListener((javafx.collections.ListChangeListener<ApiKey>) c -> showKeys());

        FilterOptions.bind(ticketStateBox, new javafx.beans.property.SimpleObjectProperty<>(), vm.nextStates(),
                s -> s == null ? "Set state" : TicketText.word(s.wire()));
        ticketStateBox.setPromptText("Set state");
        ticketStateBox.valueProperty().addListener((o, a, s) -> {
            if (s != null && !updatingChoices) {
                vm.changeState(s);
                Platform.runLater(() -> resetChoice(ticketStateBox));
            }
        });
        ticketPriorityBox.getItems().setAll(TicketPriority.values());
        ticketPriorityBox.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(TicketPriority p) { return p == null ? "" : TicketText.word(p.wire()); }
            @Override public TicketPriority fromString(String s) { return null; }
        });
        ticketPriorityBox.valueProperty().addListener((o, a, p) -> {
            Ticket t = vm.selectedProperty().get();
            if (p != null && !updatingChoices && t != null && !p.wire().equals(t.priority())) {
                vm.changePriority(p);
            }
        });
        boolean work = vm.canWork();
        for (Node n : new Node[] {ticketStateBox, ticketPriorityBox, assignToMeButton, unassignButton}) {
            n.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !work)));
        }
        vm.mergeTargets().addListener((javafx.collections.ListChangeListener<Ticket>) c -> fillMergeTargets());
        fillMergeTargets();
        editMacrosButton.setText(vm.mayEditMacros() ? "Edit macros…" : "Macros…");
        editMacrosButton.setTooltip(new Tooltip(vm.mayEditMacros() ? "Add, change or remove the macros every agent uses"
                : "Read the macros; a lead edits them"));
        mergeMenu.setVisible(work);
        mergeMenu.setManaged(work);
        zoneNote.setText("Times in " + vm.time().zone().getId() + ".");
        vm.reports().stateProperty().addListener((o, a, st) -> showReports());
        vm.reports().valueProperty().addListener((o, a, v) -> showReports());
        vm.refunds().stateProperty().addListener((o, a, st) -> showRefunds());
        vm.refunds().valueProperty().addListener((o, a, v) -> showRefunds());
    }

    /** The customer's unresolved abuse reports: category, severity and the 24 h deadline (ai-visual-studio §9). */
    private void showReports() {
        reportsBox.getChildren().clear();
        var loader = vm.reports();
        if (contextState(reportsBox, loader.state(), loader.messageProperty().get(), loader.value() == null || loader.value().data().isEmpty(),
                "No unresolved reports about this account.", "reports")) {
            return;
        }
        for (dev.gatehouse.api.AbuseReport r : loader.value().data()) {
            Label what = new Label(TicketText.word(r.category()));
            what.setMinWidth(0);
            Label severity = new Label(TicketText.word(r.severity()));
            severity.getStyleClass().addAll("pill", "pill-severity-" + r.severity());
            severity.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox head = new HBox(6, what, gap, severity);
            head.setAlignment(Pos.CENTER_LEFT);
            Label due = new Label((r.breached() ? "past due " : "due ") + vm.time().relative(r.dueAt()) + " · " + TicketText.word(r.state()));
            due.getStyleClass().addAll("text-small", r.breached() ? "danger" : "text-muted");
            VBox row = new VBox(1, head, due);
            Tooltip.install(row, new Tooltip(r.id() + "\nReceived " + vm.time().absolute(r.receivedAt()) + "\nDue " + vm.time().absolute(r.dueAt())));
            reportsBox.getChildren().add(row);
        }
    }

    /** The customer's refund requests: amount, state and the policy's verdict. */
    private void showRefunds() {
        refundsBox.getChildren().clear();
        var loader = vm.refunds();
        if (contextState(refundsBox, loader.state(), loader.messageProperty().get(), loader.value() == null || loader.value().data().isEmpty(),
                "No refund requests from this account.", "refunds")) {
            return;
        }
        for (dev.gatehouse.api.Refund r : loader.value().data()) {
            Label amount = new Label(AccountLabels.money(r.requestedAmount(), r.currency()));
            amount.getStyleClass().add("mono");
            amount.setMinWidth(0);
            Label state = new Label(TicketText.word(r.state()));
            state.getStyleClass().addAll("pill", "pill-refund-" + r.state());
            state.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox head = new HBox(6, amount, gap, state);
            head.setAlignment(Pos.CENTER_LEFT);
            Label verdict = new Label(TicketText.word(r.verdict()) + " · requested " + vm.time().relative(r.requestedAt()));
            verdict.getStyleClass().addAll("text-muted", "text-small");
            VBox row = new VBox(1, head, verdict);
            Tooltip.install(row, new Tooltip(r.id() + (r.reason() == null ? "" : "\n" + r.reason())));
            refundsBox.getChildren().add(row);
        }
    }

    /** Loading, failed or empty: a line saying so, and true; false when there are rows to show. */
    private static boolean contextState(VBox box, Loader.State state, String failure, boolean empty, String none, String what) {
        String text = switch (state) {
            case IDLE -> "";
            case LOADING -> "Loading " + what + "…";
            case FAILED -> "Couldn't load " + what + ": " + failure;
            case LOADED -> empty ? none : null;
        };
        if (text == null) {
            return false;
        }
        Label line = new Label(text);
        line.getStyleClass().addAll("text-small", state == Loader.State.FAILED ? "danger" : "text-muted");
        line.setWrapText(true);
        box.getChildren().add(line);
        return true;
    }

    private void resetChoice(ComboBox<?> box) {
        updatingChoices = true;
        box.getSelectionModel().clearSelection();
        box.setValue(null);
        updatingChoices = false;
    }

    private void showTicket(TicketDetail d) {
        if (d == null) {
            return;
        }
        Ticket t = d.ticket();
        OperatorTime time = vm.time();
        ticketSubject.setText(t.subject());
        ticketRedactedBadge.setVisible(t.redacted());
        ticketRedactedBadge.setManaged(t.redacted());
        stylePill(ticketStatePill, "ticket-", t.state());
        stylePill(ticketPriorityPill, "priority-", t.priority());
        TicketText.Badge sla = TicketText.sla(t, time);
        styleSla(ticketSlaBadge, sla);
        ticketSlaBadge.setTooltip(new Tooltip(sla.tooltip()));
        ticketMeta.setText(t.id() + " · " + TicketText.word(t.category()) + " · opened " + time.relative(t.createdAt())
                + (t.closesAt() != null ? " · closes by itself " + time.relative(t.closesAt()) : "")
                + (t.mergedInto() != null ? " · merged into " + t.mergedInto() : ""));
        ticketMeta.setTooltip(new Tooltip("Opened " + time.absolute(t.createdAt()) + (t.tags().isEmpty() ? "" : "\nTags: " + String.join(", ", t.tags()))));
        assigneeLabel.setText(t.assignee() == null ? "Unassigned" : "Assigned to " + (t.assignee().equals(vm.me()) ? "you" : t.assigneeName()));
        updatingChoices = true;
        ticketPriorityBox.setValue(TicketPriority.fromWire(t.priority()).orElse(null));
        ticketStateBox.setValue(null);
        updatingChoices = false;
        ticketStateBox.setPromptText(vm.nextStates().isEmpty() ? "Closed" : "Set state");
        customerName.setText(d.account().name());
        customerEmail.setText(d.account().email());
        AccountCells.style(customerStatus, d.account().status());
        customerTier.setText(AccountLabels.tier(d.account().tier()));
        customerId.setText(d.account().id());
        customerBalance.setText(AccountLabels.money(d.account().balance(), d.account().currency()));
        linksBox.getChildren().clear();
        for (TicketLink l : d.links()) {
            Label link = new Label((l.kind().equals("key") ? "Key " : "Refund ") + l.id());
            link.getStyleClass().addAll("mono", "text-small");
            linksBox.getChildren().add(link);
        }
        linksSection.setVisible(!d.links().isEmpty());
        linksSection.setManaged(!d.links().isEmpty());
    }

    private void showKeys() {
        contextKeysBox.getChildren().clear();
        TicketDetail d = vm.detailProperty().get();
        keysTitle.setText(vm.accountKeys().isEmpty() ? "Keys" : "Keys (" + vm.accountKeys().size() + (vm.accountKeys().size() >= 20 ? "+" : "") + ")");
        if (vm.accountKeys().isEmpty()) {
            Label none = new Label("This account has no keys.");
            none.getStyleClass().addAll("text-muted", "text-small");
            contextKeysBox.getChildren().add(none);
            return;
        }
        int shown = 0;
        for (ApiKey k : vm.accountKeys()) {
            if (shown++ == 6) {
                Label more = new Label("… and " + (vm.accountKeys().size() - 6) + " more on the Keys screen");
                more.getStyleClass().addAll("text-muted", "text-small");
                contextKeysBox.getChildren().add(more);
                break;
            }
            Label masked = new Label(k.masked());
            masked.getStyleClass().addAll("mono", "text-small");
            masked.setMinWidth(0);
            Label pill = new Label();
            pill.getStyleClass().add("pill");
            pill.setMinWidth(Region.USE_PREF_SIZE);
            AccountCells.style(pill, k.status());
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(6, masked, gap, pill);
            row.setAlignment(Pos.CENTER_LEFT);
            boolean exposed = d != null && d.exposedKeys().stream().anyMatch(e -> e.key().id().equals(k.id()));
            if (exposed) {
                row.getStyleClass().add("key-exposed");
                Tooltip.install(row, new Tooltip("This key's secret was posted in the ticket."));
            }
            contextKeysBox.getChildren().add(row);
        }
    }

    private void showExposedKeys() {
        exposedKeysBox.getChildren().clear();
        for (TicketExposedKey k : vm.exposedKeys()) {
            FontIcon icon = new FontIcon("mdomz-vpn_key");
            icon.getStyleClass().add("exposed-key-icon");
            Label title = new Label("Live key " + k.key().masked() + " of " + (k.key().accountName() == null ? k.key().accountId()
                    : k.key().accountName()) + " was posted in this ticket");
            title.getStyleClass().add("exposed-key-title");
            title.setWrapText(true);
            title.setMinWidth(0);
            Label status = new Label();
            status.getStyleClass().add("pill");
            status.setMinWidth(Region.USE_PREF_SIZE);
            AccountCells.style(status, k.key().status());
            HBox head = new HBox(8, icon, title, status);
            head.setAlignment(Pos.CENTER_LEFT);
            TicketText.Badge deadline = TicketText.notifyOwner(k, vm.time());
            Label due = new Label(deadline.text());
            styleSla(due, deadline);
            due.setWrapText(true);
            due.setTooltip(new Tooltip(deadline.tooltip()));
            SupportViewModel.KeyOffer offer = vm.offer(k);
            Button act = new Button(offer.label(), new FontIcon(offer.action() == KeyAction.SUSPEND ? "mdomz-pause_circle_outline" : "mdoal-block"));
            act.setId("exposedKeyButton");
            act.setMinWidth(Region.USE_PREF_SIZE);
            if (offer.action() == KeyAction.REVOKE) {
                act.getStyleClass().add("danger");
            }
            act.setDisable(!offer.allowed());
            act.setOnAction(e -> openKeyAction(k));
            Label why = new Label(offer.why());
            why.getStyleClass().addAll("text-muted", "text-small");
            why.setWrapText(true);
            why.setMinWidth(0);
            HBox actions = new HBox(10, act, why);
            actions.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(why, Priority.ALWAYS);
            VBox box = new VBox(6, head, due, actions);
            box.getStyleClass().add("exposed-key");
            exposedKeysBox.getChildren().add(box);
        }
        exposedKeysBox.setManaged(!vm.exposedKeys().isEmpty());
        showKeys();
    }

    private void openKeyAction(TicketExposedKey k) {
        var dialog = vm.exposedKeyAction(k);
        if (dialog != null) {
            ActionDialog.open(layer, dialog, true);
        }
    }

    private void showConversation() {
        conversationBox.getChildren().clear();
        OperatorTime time = vm.time();
        for (TicketMessage m : vm.messages()) {
            String who = switch (m.author()) {
                case "customer" -> "Customer";
                case "internal" -> (m.operatorName() == null ? "Operator" : m.operatorName()) + " · internal note";
                default -> (m.operatorName() == null ? "Agent" : m.operatorName()) + " · reply";
            };
            Label author = new Label(who);
            author.getStyleClass().add("message-author");
            Label when = new Label(time.relative(m.createdAt()));
            when.getStyleClass().addAll("text-muted", "text-small");
            when.setTooltip(new Tooltip(time.absolute(m.createdAt())));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox head = new HBox(8, author, gap, when);
            head.setAlignment(Pos.CENTER_LEFT);
            TextFlow body = new TextFlow();
            body.getStyleClass().add("message-body");
            for (TicketText.Segment s : TicketText.segments(m.body())) {
                if (s.marker()) {
                    Label chip = new Label(s.text().substring(1, s.text().length() - 1), new FontIcon("mdoal-lock"));
                    chip.getStyleClass().add("redaction-marker");
                    chip.setTooltip(new Tooltip("Removed before storage (pixapi §10): the platform never kept this secret."));
                    body.getChildren().add(chip);
                } else {
                    Text text = new Text(s.text());
                    text.getStyleClass().add("message-text");
                    body.getChildren().add(text);
                }
            }
            VBox bubble = new VBox(4, head, body);
            bubble.getStyleClass().addAll("message", "message-" + m.author());
            if (!m.redactions().isEmpty()) {
                Label flag = new Label("Redacted: " + TicketText.redactions(m.redactions()));
                flag.getStyleClass().addAll("text-small", "redaction-note");
                bubble.getChildren().add(flag);
            }
            conversationBox.getChildren().add(bubble);
        }
        // the newest message in view, as a chat does
        Platform.runLater(() -> conversationScroll.setVvalue(1.0));
    }

    private void bindComposer() {
        ToggleGroup mode = new ToggleGroup();
        replyToggle.setToggleGroup(mode);
        noteToggle.setToggleGroup(mode);
        vm.internalProperty().addListener((o, a, note) -> (note ? noteToggle : replyToggle).setSelected(true));
        mode.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
            } else {
                vm.internalProperty().set(t == noteToggle);
            }
        });
        draftArea.textProperty().bindBidirectional(vm.draftProperty());
        draftArea.promptTextProperty().bind(vm.internalProperty().map(n -> n
                ? "An internal note, only operators see it… (Ctrl+Enter adds it)" : "Write a reply to the customer… (Ctrl+Enter sends)"));
        draftArea.getStyleClass().add("draft");
        vm.internalProperty().addListener((o, a, n) -> draftArea.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("note"), n));
        sendButton.textProperty().bind(vm.internalProperty().map(n -> n ? "Add note" : "Send reply"));
        boolean work = vm.canWork();
        sendButton.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !work)));
        draftArea.setDisable(!work);
        replyToggle.setDisable(!work);
        noteToggle.setDisable(!work);
        macroMenu.setDisable(!work);
        if (!work) {
            draftArea.promptTextProperty().unbind();
            draftArea.setPromptText("Your role (" + vm.role().label() + ") reads tickets; support and leads answer them.");
        }
        sendingIndicator.visibleProperty().bind(vm.busyProperty());
        sendingIndicator.managedProperty().bind(vm.busyProperty());
        composerError.textProperty().bind(vm.composerErrorProperty());
        macroAppliedLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Macro m = vm.appliedMacroProperty().get();
            if (m == null) {
                return vm.macrosMessageProperty().get();
            }
            String then = (m.setState() == null ? "" : "sets " + TicketText.word(m.setState()).toLowerCase(Locale.ROOT))
                    + (m.addTags().isEmpty() ? "" : (m.setState() == null ? "" : ", ") + "tags " + String.join(", ", m.addTags()));
            return m.name() + (then.isEmpty() ? "" : " · on send " + then);
        }, vm.appliedMacroProperty(), vm.macrosMessageProperty()));
        vm.macros().addListener((javafx.collections.ListChangeListener<Macro>) c -> fillMacros());
        fillMacros();
    }

    /** The picker: the customer's other unsolved tickets, newest first as the queue lists them. */
    private void fillMergeTargets() {
        mergeMenu.getItems().clear();
        OperatorTime time = vm.time();
        for (Ticket t : vm.mergeTargets()) {
            MenuItem item = new MenuItem(t.id() + " · " + t.subject() + " · " + TicketText.word(t.state()) + " · opened "
                    + time.relative(t.createdAt()));
            item.setId("mergeInto-" + t.id());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                var dialog = vm.mergeDialog(t);
                if (dialog != null) {
                    ActionDialog.open(layer, dialog, false);
                }
            });
            mergeMenu.getItems().add(item);
        }
        mergeMenu.setDisable(vm.mergeTargets().isEmpty());
        mergeMenu.setTooltip(new Tooltip(vm.mergeTargets().isEmpty()
                ? "The customer has no other unsolved ticket to merge this one into."
                : "Merge this duplicate into another unsolved ticket of the same customer"));
    }

    private void fillMacros() {
        macroMenu.getItems().clear();
        for (Macro m : vm.macros()) {
            MenuItem item = new MenuItem(m.name());
            item.setId("macro-" + m.id());
            item.setOnAction(e -> {
                vm.applyMacro(m);
                draftArea.requestFocus();
                draftArea.positionCaret(draftArea.getLength());
            });
            macroMenu.getItems().add(item);
        }
    }

    private void bindShortcuts() {
        supportRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() || layer.showing()) {
                return;
            }
            boolean handled = true;
            switch (e.getCode()) {
                case R -> {
                    vm.startReply();
                    draftArea.requestFocus();
                }
                case I -> {
                    vm.startNote();
                    draftArea.requestFocus();
                }
                case M -> {
                    if (!macroMenu.isDisabled() && vm.detailProperty().get() != null) {
                        macroMenu.show();
                    }
                }
                case ENTER -> vm.send();
                case J -> vm.next();
                default -> handled = false;
            }
            if (handled) {
                e.consume();
            }
        });
        macroMenu.setPopupSide(Side.BOTTOM);
        ticketsTable.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && vm.selectedProperty().get() != null) {
                draftArea.requestFocus();
                e.consume();
            }
        });
    }

    void focus() {
        ticketsTable.requestFocus();
    }

    private void clearSearch() {
        searchFilter.cancel();
        vm.model().changeFilters(() -> {
            ticketSearchField.setText("");
            vm.searchProperty().set("");
            vm.viewProperty().set(TicketView.UNSOLVED);
        });
        viewButtons.getChildren().stream().filter(n -> n.getUserData() == TicketView.UNSOLVED)
                .findFirst().ifPresent(n -> ((ToggleButton) n).setSelected(true));
    }

    @FXML private void refresh() { vm.reload(); }
    @FXML private void retryDetail() { vm.reloadDetail(); }
    @FXML private void assignToMe() { vm.assignToMe(); }
    @FXML private void editMacros() { openMacroEditor(); }

    /** The lead's macro editor, in a drawer; after a save the composer's macro menu shows the new list. */
    private void openMacroEditor() {
        MacroEditorViewModel editor = vm.macroEditor();
        javafx.scene.layout.Region view = (javafx.scene.layout.Region) dev.gatehouse.console.shell.Views.load("macro-editor.fxml",
                new MacroEditorController(editor, layer::close));
        view.setPrefWidth(Math.max(720, supportRoot.getWidth() * 0.6));
        layer.show(view, javafx.geometry.Pos.CENTER_RIGHT, null);
    }
    @FXML private void unassign() { vm.unassign(); }
    @FXML private void send() { vm.send(); }
}
