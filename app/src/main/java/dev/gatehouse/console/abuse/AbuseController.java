package dev.gatehouse.console.abuse;

import dev.gatehouse.console.shell.Shown;
import dev.gatehouse.api.AbuseComment;
import dev.gatehouse.api.AbuseDismissalProposal;
import dev.gatehouse.console.actions.ActionDialog;
import dev.gatehouse.console.actions.ActionDialogViewModel;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.policy.AppealOutcome;
import dev.gatehouse.policy.Severity;
import dev.gatehouse.api.AbuseMetrics;
import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.AbuseReportDetail;
import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.api.RequestLogEntry;
import dev.gatehouse.console.accounts.AccountCells;
import dev.gatehouse.console.accounts.AccountLabels;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.shell.FilterOptions;
import dev.gatehouse.console.shell.ListDetailTable;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.console.shell.PagedListView;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.ReportDecision;
import dev.gatehouse.policy.SlaState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.effect.GaussianBlur;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Binds abuse.fxml to {@link AbuseViewModel}: the queue, its live countdowns and colours, the report, the keyboard. */
public final class AbuseController {
    /** The keys and what they do, for the help overlay (and nothing else: the handler below is the one truth). */
    static final List<String[]> KEYS = List.of(new String[] {"J / K", "next / previous report"},
            new String[] {"C", "claim the report (and the open reports of its case)"}, new String[] {"R", "release your claim"},
            new String[] {"E", "escalate to a lead, with a note"}, new String[] {"M", "add an internal comment"},
            new String[] {"X", "reveal blurred critical evidence (logged)"},
            new String[] {"D", "decide: dismiss"}, new String[] {"W", "decide: warn the account"},
            new String[] {"S", "decide: suspend the key"}, new String[] {"V", "decide: revoke the key"},
            new String[] {"A", "decide: suspend the account"}, new String[] {"T", "decide: terminate the account"},
            new String[] {"U", "split the report off its case (grouped wrongly)"},
            new String[] {"] / [", "raise / lower the severity (lowering: leads)"},
            new String[] {"P", "show the appeals waiting for a decision"},
            new String[] {"Ctrl+Enter", "submit the open form and move to the next report"},
            new String[] {"Esc", "close the form or this help"}, new String[] {"?", "show or hide this help"});

    private final AbuseViewModel vm;
    private final ModalLayer layer;

    @FXML private StackPane abuseRoot;
    @FXML private Label abuseCountLabel;
    @FXML private Label abuseReadOnlyNote;
    @FXML private ProgressBar abuseLoadingBar;
    @FXML private Label metricBreached;
    @FXML private Label metricDueSoon;
    @FXML private Label metricCompliance;
    @FXML private Label metricMedian;
    @FXML private Label metricAppeals;
    @FXML private ComboBox<ReportCategory> abuseCategoryFilter;
    @FXML private ComboBox<dev.gatehouse.policy.Severity> abuseSeverityFilter;
    @FXML private ComboBox<String> abuseStateFilter;
    @FXML private ToggleButton abuseMineToggle;
    @FXML private ToggleButton abuseUnassignedToggle;
    @FXML private ToggleButton abuseBreachedToggle;
    @FXML private Button abuseClearFiltersButton;
    @FXML private SplitPane abuseSplit;
    @FXML private TableView<AbuseReport> abuseTable;
    @FXML private TableColumn<AbuseReport, AbuseReport> dueColumn;
    @FXML private TableColumn<AbuseReport, AbuseReport> severityColumn;
    @FXML private TableColumn<AbuseReport, AbuseReport> categoryColumn;
    @FXML private TableColumn<AbuseReport, AbuseReport> subjectColumn;
    @FXML private TableColumn<AbuseReport, AbuseReport> caseColumn;
    @FXML private TableColumn<AbuseReport, AbuseReport> assigneeColumn;
    @FXML private VBox abusePlaceholder;
    @FXML private ProgressIndicator abusePlaceholderProgress;
    @FXML private FontIcon abusePlaceholderIcon;
    @FXML private Label abusePlaceholderTitle;
    @FXML private Label abusePlaceholderMessage;
    @FXML private Button abusePlaceholderButton;
    @FXML private HBox abuseFooter;
    @FXML private Label abuseFooterMessage;
    @FXML private Button loadMoreReportsButton;
    @FXML private Label abuseStatus;
    @FXML private VBox reportDetailEmpty;
    @FXML private VBox reportDetailLoading;
    @FXML private VBox reportDetailError;
    @FXML private Label reportDetailErrorMessage;
    @FXML private ScrollPane reportDetailScroll;
    @FXML private VBox reportDetailPane;
    @FXML private StackPane abuseOverlay;
    @FXML private VBox decisionPane;
    @FXML private Label decisionTitle;
    @FXML private TextArea decisionFacts;
    @FXML private TextField decisionClause;
    @FXML private VBox decisionDurationBox;
    @FXML private TextField decisionDuration;
    @FXML private VBox decisionLawBox;
    @FXML private TextField decisionLawRef;
    @FXML private VBox decisionCureBox;
    @FXML private TextField decisionCure;
    @FXML private Label decisionStatement;
    @FXML private Label decisionProblem;
    @FXML private Button decisionSubmit;
    @FXML private VBox composerPane;
    @FXML private Label composerTitle;
    @FXML private TextArea composerText;
    @FXML private VBox helpPane;
    @FXML private VBox appealsPane;
    @FXML private VBox appealsList;
    @FXML private ScrollPane appealsScroll;
    @FXML private GridPane helpGrid;

    public AbuseController(AbuseViewModel vm, ModalLayer layer) {
        this.vm = vm;
        this.layer = layer;
    }

    /** Opens a reason dialog the view model made (null when it refused, with the reason in the status line). */
    private void open(ActionDialogViewModel<?> dialog, boolean destructive) {
        if (dialog != null) {
            ActionDialog.open(layer, dialog, destructive);
        }
    }

    @FXML
    private void initialize() {
        SplitPane.setResizableWithParent(abuseSplit.getItems().get(1), false);
        abuseCountLabel.textProperty().bind(vm.list().countTextProperty());
        abuseLoadingBar.visibleProperty().bind(vm.list().loadingProperty());
        abuseReadOnlyNote.setVisible(!vm.canWork());
        abuseReadOnlyNote.setManaged(!vm.canWork());
        abuseStatus.textProperty().bind(vm.statusProperty());
        abuseStatus.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        abuseStatus.managedProperty().bind(abuseStatus.visibleProperty());
        bindMetrics();
        bindFilters();
        bindTable();
        bindDetail();
        bindOverlay();
        abuseRoot.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    // ---------------------------------------------------------------- header

    private void bindMetrics() {
        vm.metricsProperty().addListener((o, a, m) -> showMetrics(m));
        metricAppeals.textProperty().bind(vm.openAppealsProperty().asString());
        showMetrics(null);
    }

    private void showMetrics(AbuseMetrics m) {
        metricBreached.setText(m == null ? "—" : String.valueOf(m.openBySla().getOrDefault("breached", 0)));
        metricDueSoon.setText(m == null ? "—" : String.valueOf(m.openBySla().getOrDefault("due_soon", 0)));
        metricCompliance.setText(m == null || m.within24h7d().share() == null ? "—"
                : m.within24h7d().share().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString() + " %");
        metricMedian.setText(m == null || m.medianSecondsToFirstAction() == null ? "—"
                : QueueText.span(Duration.ofSeconds(m.medianSecondsToFirstAction())).replaceAll(" \\d+ s$", ""));
    }

    private void bindFilters() {
        FilterOptions.bind(abuseCategoryFilter, vm.categoryProperty(), AbuseViewModel.CATEGORIES,
                c -> c == null ? "Any category" + count("all") : c.label() + count("category:" + c.wire()));
        FilterOptions.bind(abuseSeverityFilter, vm.severityProperty(), AbuseViewModel.SEVERITIES,
                s -> s == null ? "Any severity" : cap(s.wire()) + count("severity:" + s.wire()));
        FilterOptions.bind(abuseStateFilter, vm.stateProperty(), AbuseViewModel.STATES,
                s -> s == null ? "Any open state" : cap(s.replace('_', ' ')) + count("state:" + s));
        abuseMineToggle.selectedProperty().bindBidirectional(vm.mineProperty());
        abuseUnassignedToggle.selectedProperty().bindBidirectional(vm.unassignedProperty());
        abuseBreachedToggle.selectedProperty().bindBidirectional(vm.breachedProperty());
        abuseBreachedToggle.getStyleClass().add("toggle-breached");
        vm.countsProperty().addListener((o, a, c) -> relabel());
        relabel();
        abuseClearFiltersButton.visibleProperty().bind(vm.list().filteredProperty());
    }

    private String count(String key) {
        String n = vm.countsProperty().get().of(key);
        return n.isEmpty() ? "" : " (" + n + ")";
    }

    private void relabel() {
        abuseMineToggle.setText("Mine" + count("mine"));
        abuseUnassignedToggle.setText("Unassigned" + count("unassigned"));
        abuseBreachedToggle.setText("Breached" + count("breached"));
        // the combo boxes' converters read the counts: redraw their cells
        for (ComboBox<?> box : List.of(abuseCategoryFilter, abuseSeverityFilter, abuseStateFilter)) {
            var converter = box.getConverter();
            box.setConverter(null);
            @SuppressWarnings({"unchecked", "rawtypes"})
            ComboBox raw = box;
            raw.setConverter(converter);
        }
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---------------------------------------------------------------- the queue

    private void bindTable() {
        OperatorTime t = vm.time();
        dueColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        dueColumn.setCellFactory(col -> new CountdownCell());
        AccountCells.text(severityColumn, r -> cap(r.severity()));
        AccountCells.text(categoryColumn, r -> QueueText.category(r.category()), r -> QueueText.category(r.category())
                + "\n" + r.description());
        AccountCells.text(subjectColumn, QueueText::subject, r -> r.accountId() + (r.keyId() == null ? "" : "\n" + r.keyId()));
        AccountCells.text(caseColumn, r -> String.valueOf(r.caseReportCount()), r -> r.caseReportCount() + " reports in its case");
        AccountCells.text(assigneeColumn, QueueText::assignee);
        abuseTable.setRowFactory(tv -> new SlaRow());
        ListDetailTable.bind(abuseTable, vm.model(), abuseRoot);
        new PagedListView(abusePlaceholder, abusePlaceholderProgress, abusePlaceholderIcon, abusePlaceholderTitle,
                abusePlaceholderMessage, abusePlaceholderButton, abuseFooter, abuseFooterMessage, loadMoreReportsButton)
                .bind(vm.list(), "reports", vm::reload, vm::clearFilters);
        vm.selectedProperty().addListener((o, a, r) -> {
            int i = abuseTable.getSelectionModel().getSelectedIndex();
            if (i >= 0) abuseTable.scrollTo(Math.max(0, i - 3));
        });
        abuseTable.setTooltip(null);
        dueColumn.setText("Due (" + t.zone().getId() + ")");
    }

    /** The countdown: one listener per visible cell on the queue's one clock, so the whole column ticks together. */
    private final class CountdownCell extends TableCell<AbuseReport, AbuseReport> {
        private final ChangeListener<Instant> tick = (o, a, now) -> paint();
        private final Tooltip tip = new Tooltip();

        CountdownCell() {
            vm.nowProperty().addListener(new javafx.beans.value.WeakChangeListener<>(tick));
            getStyleClass().add("countdown-cell");
        }

        @Override
        protected void updateItem(AbuseReport r, boolean empty) {
            super.updateItem(r, empty);
            paint();
        }

        private void paint() {
            AbuseReport r = isEmpty() ? null : getItem();
            if (r == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(QueueText.countdown(r, vm.nowProperty().get()));
            tip.setText(QueueText.dueTooltip(r, vm.time()));
            setTooltip(tip);
        }
    }

    /** Rows coloured on track, due within 1 h, or breached, repainted on each tick. */
    private final class SlaRow extends TableRow<AbuseReport> {
        private final ChangeListener<Instant> tick = (o, a, now) -> paint();

        SlaRow() {
            vm.nowProperty().addListener(new javafx.beans.value.WeakChangeListener<>(tick));
        }

        @Override
        protected void updateItem(AbuseReport r, boolean empty) {
            super.updateItem(r, empty);
            paint();
        }

        private void paint() {
            getStyleClass().removeAll("sla-on-track", "sla-due-soon", "sla-breached", "sla-critical");
            AbuseReport r = isEmpty() ? null : getItem();
            if (r != null) {
                getStyleClass().add(QueueText.styleClass(QueueText.sla(r, vm.nowProperty().get())));
                if ("critical".equals(r.severity())) getStyleClass().add("sla-critical");
            }
        }
    }

    // ---------------------------------------------------------------- the report

    private void bindDetail() {
        var state = vm.detail().stateProperty();
        Shown.when(reportDetailEmpty, state.isEqualTo(Loader.State.IDLE));
        Shown.when(reportDetailLoading, state.isEqualTo(Loader.State.LOADING).and(vm.detail().valueProperty().isNull()));
        Shown.when(reportDetailError, state.isEqualTo(Loader.State.FAILED));
        Shown.when(reportDetailScroll, state.isEqualTo(Loader.State.LOADED)
                .or(state.isEqualTo(Loader.State.LOADING).and(vm.detail().valueProperty().isNotNull())));
        reportDetailErrorMessage.textProperty().bind(vm.detail().messageProperty());
        vm.detail().valueProperty().addListener((o, a, d) -> render(d));
        vm.revealedProperty().addListener((o, a, b) -> render(vm.detail().value()));
    }

    private void render(AbuseReportDetail d) {
        reportDetailPane.getChildren().clear();
        if (d == null) {
            return;
        }
        OperatorTime t = vm.time();
        AbuseReport r = d.report();
        Label title = new Label(QueueText.category(r.category()));
        title.getStyleClass().add("title-3");
        Label sev = pill(r.severity(), "severity-" + r.severity());
        Label st = pill(r.state().replace('_', ' '), "report-state");
        HBox head = new HBox(10, title, sev, st);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label sub = new Label(QueueText.countdown(r, vm.nowProperty().get()) + " · due " + t.absolute(r.dueAt())
                + " · received " + t.both(r.receivedAt(), "—"));
        sub.getStyleClass().add("text-muted");
        sub.setWrapText(true);
        Label text = new Label(r.description());
        text.setWrapText(true);
        text.getStyleClass().add("report-text");
        String reporter = switch (r.reporter().kind()) {
            case "external" -> "External reporter · " + r.reporter().contact();
            case "automated" -> "Automated · " + r.reporter().detector();
            default -> "Internal · " + (r.reporter().operatorId() == null ? "operator" : r.reporter().operatorId());
        };
        VBox top = new VBox(4, head, sub);
        reportDetailPane.getChildren().addAll(top, workRow(r), section("Report", text, muted(reporter + " · " + r.id())));
        if (d.dismissalProposal() != null) {
            reportDetailPane.getChildren().add(dismissalProposal(d.dismissalProposal(), t));
        }

        // the subject
        var acct = d.account();
        Label acctLine = new Label(acct.account().name() + " · " + acct.account().tier() + " · " + acct.account().status());
        acctLine.getStyleClass().add("fact-value");
        reportDetailPane.getChildren().add(section("Account",
                acctLine,
                muted(acct.account().id() + (r.keyId() == null ? "" : " · key " + r.keyId())),
                muted("Age " + acct.ageDays() + " d · spend last 30 d " + AccountLabels.money(acct.spend30d(), acct.account().currency())
                        + " · " + acct.priorReports() + " prior reports"),
                enforcementList(acct.enforcement(), t)));

        // evidence: blurred for critical categories until revealed
        reportDetailPane.getChildren().add(evidence(d, t));

        if (!d.caseReports().isEmpty()) {
            VBox list = new VBox(4);
            for (AbuseReport c : d.caseReports()) {
                list.getChildren().add(muted(QueueText.category(c.category()) + " · " + c.state().replace('_', ' ') + " · received "
                        + t.relative(c.receivedAt()) + " · " + c.id()));
            }
            // the case, as the queue groups it: how many reports, from how many reporters (issue 9 item 2)
            long reporters = java.util.stream.Stream.concat(java.util.stream.Stream.of(r), d.caseReports().stream())
                    .map(c -> c.reporter().kind() + ":" + c.reporter().contact() + c.reporter().detector() + c.reporter().operatorId())
                    .distinct().count();
            list.getChildren().add(0, muted("Case of " + (d.caseReports().size() + 1) + " reports from " + reporters
                    + (reporters == 1 ? " reporter" : " reporters") + "; one decision resolves every unresolved one."));
            reportDetailPane.getChildren().add(section("Other reports in this case (" + d.caseReports().size() + ")", list));
        }
        if (d.decision() != null) {
            Label stmt = new Label(d.decision().statement());
            stmt.setWrapText(true);
            stmt.getStyleClass().add("statement-preview");
            reportDetailPane.getChildren().add(section("Decision · " + d.decision().decision().replace('_', ' ')
                    + " by " + d.decision().decidedBy(), stmt));
        }
        VBox comments = new VBox(6);
        for (AbuseComment c : d.comments()) {
            Label body = new Label(c.body());
            body.setWrapText(true);
            comments.getChildren().add(new VBox(2, muted((c.authorName() == null ? c.authorId() : c.authorName()) + " · "
                    + t.both(c.at(), "—")), body));
        }
        if (d.comments().isEmpty()) comments.getChildren().add(muted("No comments yet. M adds one."));
        reportDetailPane.getChildren().add(section("Comments", comments));
        VBox history = new VBox(3);
        for (AuditEntry e : d.history()) {
            history.getChildren().add(muted(t.table(e.at()) + " · " + e.action().replace("abuse_report.", "") + " · " + e.actor()
                    + (e.reason() == null ? "" : " · " + e.reason())));
        }
        reportDetailPane.getChildren().add(section("History", history));
        reportDetailPane.getChildren().add(muted("Times in " + t.zone().getId() + "."));
    }

    /** Severity up and down, and split off the case: each through the reason dialog; disabled saying why. */
    private Node workRow(AbuseReport r) {
        var sev = Severity.fromWire(r.severity()).orElse(Severity.MEDIUM);
        Severity up = sev.ordinal() == 0 ? null : Severity.values()[sev.ordinal() - 1];
        Severity down = sev.ordinal() == Severity.values().length - 1 ? null : Severity.values()[sev.ordinal() + 1];
        Button raise = workButton("raiseSeverityButton", up == null ? "Highest severity" : "Raise to " + up.wire() + " (])",
                "mdomz-north", up == null ? "The report is already critical." : vm.severityProblem(r, up),
                () -> open(vm.stepSeverity(true), false));
        Button lower = workButton("lowerSeverityButton", down == null ? "Lowest severity" : "Lower to " + down.wire() + " ([)",
                "mdomz-south", down == null ? "The report is already low." : vm.severityProblem(r, down),
                () -> open(vm.stepSeverity(false), false));
        Button split = workButton("splitReportButton", "Split off case (U)", "mdoal-call_split",
                !vm.canWork() ? "Your role reads the queue; trust & safety and leads work it."
                        : r.caseReportCount() < 2 ? "The only report of its case." : "",
                () -> open(vm.splitDialog(), false));
        HBox row = new HBox(8, raise, lower, split);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.getStyleClass().add("report-work-row");
        return row;
    }

    private static Button workButton(String id, String text, String icon, String problem, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll("small", "flat");
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setDisable(!problem.isEmpty());
        b.setOnAction(e -> action.run());
        if (!problem.isEmpty()) {
            // a disabled button shows no tooltip of its own: the reason sits on a wrapper
            Tooltip.install(b, new Tooltip(problem));
        }
        return b;
    }

    /** A CSAM dismissal waiting for its second person: who proposed it, the statement, and approve / reject for a lead. */
    private Node dismissalProposal(AbuseDismissalProposal p, OperatorTime t) {
        String who = p.proposedByName() == null ? p.proposedBy() : p.proposedByName();
        Label reason = new Label(p.reason());
        reason.setWrapText(true);
        reason.getStyleClass().add("statement-preview");
        String problem = vm.dismissalApprovalProblem(p);
        Button approve = new Button("Approve dismissal…", new FontIcon("mdal-check"));
        approve.setId("approveDismissalButton");
        approve.getStyleClass().add("accent");
        approve.setDisable(!problem.isEmpty());
        approve.setOnAction(e -> open(vm.dismissalDialog(true), false));
        Button reject = new Button("Reject…", new FontIcon("mdal-close"));
        reject.setId("rejectDismissalButton");
        reject.setDisable(!problem.isEmpty());
        reject.setOnAction(e -> open(vm.dismissalDialog(false), false));
        HBox buttons = new HBox(8, approve, reject);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = section("Dismissal proposed · waits for a second person, a lead",
                muted("Proposed by " + who + " · " + t.both(p.proposedAt(), "—") + " · law-enforcement reference "
                        + p.lawEnforcementRef() + " · " + p.policyClause()),
                reason, buttons);
        if (!problem.isEmpty()) {
            box.getChildren().add(muted(problem));
        }
        box.getStyleClass().add("dismissal-proposal");
        box.setId("dismissalProposal");
        return box;
    }

    private Node evidence(AbuseReportDetail d, OperatorTime t) {
        TableView<RequestLogEntry> table = new TableView<>();
        table.setId("evidenceTable");
        table.getStyleClass().addAll("dense", "detail-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(col("When", e -> t.relative(e.at()), e -> t.both(e.at(), "—"), 84));
        table.getColumns().add(col("Model", RequestLogEntry::model, RequestLogEntry::model, 96));
        table.getColumns().add(col("Code", e -> String.valueOf(e.httpStatus()), e -> "HTTP " + e.httpStatus() + " · " + e.latencyMs() + " ms", 52));
        table.getColumns().add(col("Cost", e -> AccountLabels.money(e.cost(), e.currency()), e -> e.units().stripTrailingZeros()
                .toPlainString() + " " + e.unit(), 76));
        table.getColumns().add(col("Prompt (redacted)", e -> e.promptExcerpt() == null ? "" : e.promptExcerpt(),
                e -> e.promptExcerpt() == null ? "" : e.promptExcerpt(), 180));
        table.getItems().setAll(d.evidence());
        table.setPrefHeight(Math.min(10, Math.max(2, d.evidence().size())) * 26 + 30);
        table.setPlaceholder(muted("No requests from the subject in the last 7 days."));
        boolean hidden = d.evidenceSensitive() && !vm.revealedProperty().get();
        StackPane host = new StackPane(table);
        if (hidden) {
            table.setEffect(new GaussianBlur(18));
            table.setMouseTransparent(true);
            Button reveal = new Button("Reveal evidence (X)");
            reveal.setId("revealEvidenceButton");
            reveal.getStyleClass().add("reveal-button");
            reveal.setOnAction(e -> vm.revealEvidence());
            reveal.setDisable(!vm.canWork());
            Label why = new Label("Critical category: evidence is blurred for reviewer wellness. Revealing it is logged.");
            why.getStyleClass().addAll("text-small", "reveal-note");
            why.setWrapText(true);
            VBox cover = new VBox(8, why, reveal);
            cover.setAlignment(javafx.geometry.Pos.CENTER);
            cover.getStyleClass().add("evidence-cover");
            cover.setMaxSize(360, javafx.scene.layout.Region.USE_PREF_SIZE);
            host.getChildren().add(cover);
        }
        return section("Evidence · " + d.evidence().size() + " requests from the request log", host);
    }

    private static TableColumn<RequestLogEntry, RequestLogEntry> col(String name, Function<RequestLogEntry, String> text,
                                                                   Function<RequestLogEntry, String> tooltip, double width) {
        TableColumn<RequestLogEntry, RequestLogEntry> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 56));
        AccountCells.text(c, text::apply, tooltip::apply);
        return c;
    }

    private static Node enforcementList(List<EnforcementAction> list, OperatorTime t) {
        VBox box = new VBox(2);
        for (EnforcementAction e : list.subList(0, Math.min(5, list.size()))) {
            box.getChildren().add(muted(t.relative(e.at()) + " · " + e.targetType() + " " + e.action() + " · " + e.reason()));
        }
        if (list.isEmpty()) box.getChildren().add(muted("No enforcement on record."));
        return box;
    }

    private static VBox section(String title, Node... content) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        VBox v = new VBox(6);
        v.getChildren().add(l);
        v.getChildren().addAll(content);
        v.getStyleClass().add("report-section");
        return v;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("text-muted", "text-small");
        l.setWrapText(true);
        return l;
    }

    private static Label pill(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("pill", style);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    // ---------------------------------------------------------------- the forms and the keyboard

    private void bindOverlay() {
        var open = vm.formProperty().isNotNull().or(vm.composerProperty().isNotEqualTo(AbuseViewModel.Composer.NONE))
                .or(vm.helpProperty()).or(vm.showingAppealsProperty());
        Shown.when(appealsPane, vm.showingAppealsProperty().and(vm.helpProperty().not()).and(vm.formProperty().isNull()));
        vm.appeals().addListener((javafx.collections.ListChangeListener<dev.gatehouse.api.Appeal>) c -> renderAppeals());
        vm.showingAppealsProperty().addListener((o, was, now) -> {
            if (now) {
                renderAppeals(); // takes the focus into the list
            } else {
                abuseTable.requestFocus();
            }
        });
        abuseOverlay.visibleProperty().bind(open);
        abuseOverlay.managedProperty().bind(open);
        Shown.when(decisionPane, vm.formProperty().isNotNull());
        Shown.when(composerPane, vm.formProperty().isNull().and(vm.composerProperty().isNotEqualTo(AbuseViewModel.Composer.NONE)));
        Shown.when(helpPane, vm.helpProperty().and(vm.formProperty().isNull()).and(vm.composerProperty().isEqualTo(AbuseViewModel.Composer.NONE)));
        for (int i = 0; i < KEYS.size(); i++) {
            Label k = new Label(KEYS.get(i)[0]);
            k.getStyleClass().add("key-cap");
            helpGrid.add(k, 0, i);
            helpGrid.add(new Label(KEYS.get(i)[1]), 1, i);
        }
        vm.formProperty().addListener((o, a, f) -> showForm(a, f));
        composerText.textProperty().bindBidirectional(vm.composerTextProperty());
        vm.composerProperty().addListener((o, a, c) -> {
            composerTitle.setText(c == AbuseViewModel.Composer.ESCALATE ? "Escalate to a lead: say why" : "Internal comment");
            if (c != AbuseViewModel.Composer.NONE) javafx.application.Platform.runLater(composerText::requestFocus);
        });
    }

    private void renderAppeals() {
        appealsList.getChildren().clear();
        OperatorTime t = vm.time();
        for (dev.gatehouse.api.Appeal a : vm.appeals()) {
            Label badge = pill("Appeal", "appeal-badge");
            Label what = new Label(a.accountName() + " · against " + a.originalDecision().replace('_', ' ') + " by " + a.originalDecider());
            what.getStyleClass().add("fact-value");
            HBox head = new HBox(8, badge, what);
            head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            Label statement = new Label("“" + a.statement() + "”");
            statement.setWrapText(true);
            String problem = vm.appealProblem(a);
            Button uphold = new Button("Uphold…");
            uphold.setId("upholdAppeal_" + a.id());
            uphold.setDisable(!problem.isEmpty());
            uphold.setOnAction(e -> open(vm.appealDialog(a, AppealOutcome.UPHELD), false));
            Button overturn = new Button("Overturn…");
            overturn.setId("overturnAppeal_" + a.id());
            overturn.getStyleClass().add("accent");
            overturn.setDisable(!problem.isEmpty());
            overturn.setOnAction(e -> open(vm.appealDialog(a, AppealOutcome.OVERTURNED), false));
            uphold.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            overturn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox decide = new HBox(8, uphold, overturn);
            decide.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            if (!problem.isEmpty()) {
                Label why = muted(problem);
                HBox.setHgrow(why, javafx.scene.layout.Priority.ALWAYS);
                decide.getChildren().add(why);
            }
            VBox item = new VBox(4, head, statement, muted("Filed " + t.both(a.filedAt(), "—") + " · " + a.id()
                    + " · enforcement " + a.enforcementId()), decide);
            // keyboard: the appeal whose button has the focus scrolls into view
            for (Button b : List.of(uphold, overturn)) {
                b.focusedProperty().addListener((o, was, now) -> { if (now) scrollIntoView(item); });
            }
            item.getStyleClass().add("appeal-item");
            appealsList.getChildren().add(item);
        }
        if (vm.appeals().isEmpty()) appealsList.getChildren().add(muted("No appeal is waiting."));
        // the first appeal this operator may decide takes the focus, so Tab and Space work the list
        javafx.application.Platform.runLater(() -> appealsList.lookupAll(".button").stream()
                .filter(n -> !n.isDisabled()).findFirst().ifPresent(Node::requestFocus));
    }

    private void scrollIntoView(Node item) {
        double content = appealsList.getBoundsInLocal().getHeight();
        double view = appealsScroll.getViewportBounds().getHeight();
        if (content > view) {
            double y = item.getBoundsInParent().getMinY();
            double bottom = item.getBoundsInParent().getMaxY();
            double top = appealsScroll.getVvalue() * (content - view);
            if (y < top) {
                appealsScroll.setVvalue(y / (content - view));
            } else if (bottom > top + view) {
                appealsScroll.setVvalue(Math.min(1, (bottom - view) / (content - view)));
            }
        }
    }

    private void showForm(DecisionForm before, DecisionForm f) {
        if (before != null) {
            decisionFacts.textProperty().unbindBidirectional(before.factsProperty());
            decisionClause.textProperty().unbindBidirectional(before.clauseProperty());
            decisionDuration.textProperty().unbindBidirectional(before.durationProperty());
            decisionLawRef.textProperty().unbindBidirectional(before.lawEnforcementRefProperty());
            decisionCure.textProperty().unbindBidirectional(before.curePeriodOverrideProperty());
            decisionStatement.textProperty().unbind();
            decisionProblem.textProperty().unbind();
            decisionSubmit.disableProperty().unbind();
            decisionProblem.visibleProperty().unbind();
            decisionProblem.managedProperty().unbind();
        }
        if (f == null) {
            abuseTable.requestFocus();
            return;
        }
        decisionTitle.setText(f.title());
        decisionFacts.textProperty().bindBidirectional(f.factsProperty());
        decisionFacts.setPromptText("[What happened: which requests or content, when, and how it was found]");
        decisionClause.textProperty().bindBidirectional(f.clauseProperty());
        decisionDuration.textProperty().bindBidirectional(f.durationProperty());
        decisionLawRef.textProperty().bindBidirectional(f.lawEnforcementRefProperty());
        decisionCure.textProperty().bindBidirectional(f.curePeriodOverrideProperty());
        decisionDurationBox.setVisible(f.acceptsDuration());
        decisionDurationBox.setManaged(f.acceptsDuration());
        decisionLawBox.setVisible(f.needsLawEnforcementRef());
        decisionLawBox.setManaged(f.needsLawEnforcementRef());
        decisionCureBox.setVisible(f.curePeriodApplies());
        decisionCureBox.setManaged(f.curePeriodApplies());
        decisionStatement.textProperty().bind(f.statementProperty());
        decisionProblem.textProperty().bind(Bindings.when(f.failureProperty().isNotEmpty()).then(f.failureProperty())
                .otherwise(f.problemProperty()));
        decisionSubmit.disableProperty().bind(f.submittingProperty());
        decisionProblem.visibleProperty().bind(decisionProblem.textProperty().isNotEmpty());
        decisionProblem.managedProperty().bind(decisionProblem.visibleProperty());
        decisionSubmit.setText(f.proposesDismissal() ? "Propose to a lead" : f.decision() == ReportDecision.DISMISS ? "Dismiss"
                : f.decision().label());
        javafx.application.Platform.runLater(decisionFacts::requestFocus);
    }

    private void key(KeyEvent e) {
        if (layer.showing()) {
            return; // the reason dialog has the keyboard
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.ENTER && e.isShortcutDown()) {
            vm.submit();
            e.consume();
            return;
        }
        if (code == KeyCode.ESCAPE) {
            if (abuseOverlay.isVisible()) {
                vm.cancel();
                e.consume();
            }
            return;
        }
        boolean typing = e.getTarget() instanceof TextInputControl || e.getTarget() instanceof ComboBox;
        if (typing || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        if ((code == KeyCode.SLASH && e.isShiftDown()) || "?".equals(e.getText())) {
            vm.toggleHelp();
            e.consume();
            return;
        }
        if (vm.formProperty().get() != null || vm.composerProperty().get() != AbuseViewModel.Composer.NONE) {
            return;
        }
        Runnable command = switch (code) {
            case J -> vm::next;
            case K -> vm::previous;
            case C -> vm::claim;
            case R -> vm::release;
            case E -> vm::openEscalation;
            case M -> vm::openComment;
            case X -> vm::revealEvidence;
            case P -> vm::toggleAppeals;
            case D -> () -> vm.openDecision(ReportDecision.DISMISS);
            case W -> () -> vm.openDecision(ReportDecision.WARN);
            case S -> () -> vm.openDecision(ReportDecision.SUSPEND_KEY);
            case V -> () -> vm.openDecision(ReportDecision.REVOKE_KEY);
            case A -> () -> vm.openDecision(ReportDecision.SUSPEND_ACCOUNT);
            case T -> () -> vm.openDecision(ReportDecision.TERMINATE_ACCOUNT);
            case U -> () -> open(vm.splitDialog(), false);
            case CLOSE_BRACKET -> () -> open(vm.stepSeverity(true), false);
            case OPEN_BRACKET -> () -> open(vm.stepSeverity(false), false);
            default -> null;
        };
        if (command != null) {
            command.run();
            e.consume();
        }
    }

    public void focus() {
        abuseTable.requestFocus();
    }

    @FXML private void toggleHelp() { vm.toggleHelp(); }
    @FXML private void toggleAppeals() { vm.toggleAppeals(); }
    @FXML private void refresh() { vm.reload(); vm.poll(); }
    @FXML private void clearFilters() { vm.clearFilters(); }
    @FXML private void retryDetail() { vm.model().reloadDetail(); }
    @FXML private void submit() { vm.submit(); }
    @FXML private void cancel() { vm.cancel(); }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static SlaState sla(AbuseReport r, Instant now) {
        return QueueText.sla(r, now);
    }
}
