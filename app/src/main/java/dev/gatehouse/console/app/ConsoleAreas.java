package dev.gatehouse.console.app;

import dev.gatehouse.console.abuse.AbuseScreen;
import dev.gatehouse.console.accounts.AccountsScreen;
import dev.gatehouse.console.catalog.CatalogScreen;
import dev.gatehouse.console.keys.KeysScreen;
import dev.gatehouse.console.pricing.PricingScreen;
import dev.gatehouse.console.tiers.TiersScreen;
import dev.gatehouse.console.shell.ConsoleArea;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;
import java.util.Optional;

/**
 * Every area of the console in rail order; Ctrl+1…9 and Ctrl+0 follow this order. Assembled here, where the console
 * is wired, so the shell knows areas only as screen factories and never imports a feature screen.
 */
public final class ConsoleAreas {
    private ConsoleAreas() {}

    public static List<ConsoleArea> all() {
        return List.of(
                later("dashboard", "Dashboard", Material2OutlinedAL.DASHBOARD),
                new ConsoleArea("catalog", "Catalog", Material2OutlinedAL.CATEGORY, Optional.of(CatalogScreen::open)),
                new ConsoleArea("pricing", "Pricing", Material2OutlinedMZ.REQUEST_QUOTE, Optional.of(PricingScreen::open)),
                new ConsoleArea("tiers", "Rate limits", Material2OutlinedMZ.SPEED, Optional.of(TiersScreen::open)),
                new ConsoleArea("abuse", "Trust & Safety", Material2OutlinedAL.FLAG, Optional.of(AbuseScreen::open)),
                new ConsoleArea("keys", "Keys", Material2OutlinedMZ.VPN_KEY, Optional.of(KeysScreen::open)),
                new ConsoleArea("accounts", "Accounts", Material2OutlinedMZ.PEOPLE, Optional.of(AccountsScreen::open)),
                new ConsoleArea("refunds", "Refunds", Material2OutlinedAL.ASSIGNMENT_RETURN, Optional.of(dev.gatehouse.console.refunds.RefundsScreen::open)),
                new ConsoleArea("support", "Support", Material2OutlinedMZ.SUPPORT_AGENT, Optional.of(dev.gatehouse.console.support.SupportScreen::open)),
                later("audit", "Audit", Material2OutlinedAL.HISTORY),
                // team platform (issue 13): operators, for leads (other roles see why they cannot)
                new ConsoleArea("team", "Team", Material2OutlinedMZ.SUPERVISOR_ACCOUNT,
                        Optional.of(dev.gatehouse.console.team.TeamScreen::open)));
    }

    private static ConsoleArea later(String id, String title, org.kordamp.ikonli.Ikon icon) {
        return new ConsoleArea(id, title, icon, Optional.empty());
    }
}
