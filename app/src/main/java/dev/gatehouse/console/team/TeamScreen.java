package dev.gatehouse.console.team;

import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.actions.ModalLayer;
import dev.gatehouse.console.shell.Notifier;
import dev.gatehouse.console.shell.Screen;
import dev.gatehouse.console.shell.Session;
import dev.gatehouse.console.shell.ViewModelScreen;
import dev.gatehouse.console.shell.Views;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;

import java.util.concurrent.Executor;

/** The Team area (leads): the operators, invitations, roles and tokens. */
public final class TeamScreen extends ViewModelScreen<TeamViewModel> {
    private TeamScreen(Node view, TeamController controller, TeamViewModel vm) {
        super(view, vm, controller::focus, () -> {});
    }

    /** For a lead the team; any other role gets a screen saying who may manage it, and asks the platform nothing. */
    public static Screen open(Session session) {
        if (session.role() != dev.gatehouse.policy.Role.LEAD) {
            javafx.scene.control.Label title = new javafx.scene.control.Label("The team is managed by leads");
            title.getStyleClass().add("title-4");
            javafx.scene.control.Label text = new javafx.scene.control.Label("Your role (" + session.roleLabel() + ") may not list, "
                    + "invite or change operators. Ask a lead to invite someone or to rotate a token.");
            text.setWrapText(true);
            text.getStyleClass().add("text-muted");
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8, title, text);
            box.setId("teamLeadsOnly");
            box.setAlignment(javafx.geometry.Pos.CENTER);
            box.setMaxWidth(420);
            box.getStyleClass().add("placeholder");
            javafx.scene.layout.StackPane pane = new javafx.scene.layout.StackPane(box);
            return () -> pane;
        }
        return open(TeamApi.of(session.client()), Platform::runLater, OperatorTime.of(session.clock()), session.me().id(),
                session.notifier());
    }

    public static TeamScreen open(TeamApi api, Executor fx, OperatorTime time, String me, Notifier notifier) {
        ModalLayer layer = new ModalLayer();
        TeamViewModel vm = new TeamViewModel(api, fx, time, me, notifier);
        TeamController controller = new TeamController(vm, layer);
        Parent view = Views.load("team.fxml", controller);
        vm.reload();
        return new TeamScreen(ModalLayer.over(view, layer), controller, vm);
    }
}
