package dev.gatehouse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries of DESIGN §1: the console speaks only HTTP; the gateway never draws a window. */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gatehouse");
    }

    @Test
    void consoleNeverTouchesTheDatabaseOrGatewayInternals() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.gatehouse.console..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "org.h2..", "org.postgresql..", "org.flywaydb..",
                        "org.jdbi..", "com.zaxxer..", "io.javalin..", "org.eclipse.jetty..",
                        "dev.gatehouse.gateway..")
                .because("the console talks to any platform, embedded or remote, only through the admin API");
        rule.check(main);
    }

    @Test
    void gatewayNeverUsesJavaFx() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.gatehouse.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp.ikonli..",
                        "dev.gatehouse.console..")
                .because("the gateway runs headless for a team");
        rule.check(main);
    }

    @Test
    void wireRecordsAndPolicyBelongToNeitherSide() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.gatehouse.api..", "dev.gatehouse.policy..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.gatehouse.console..", "dev.gatehouse.gateway..", "javafx..", "io.javalin..",
                        "okhttp3..", "org.jdbi..", "java.sql..")
                .because("both sides share them");
        rule.check(main);
    }

    @Test
    void theConsoleReadsTimeOnlyFromItsOneClock() {
        DescribedPredicate<JavaMethodCall> readsTheSystemClock = new DescribedPredicate<>("read the system clock") {
            @Override
            public boolean test(JavaMethodCall call) {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                return (owner.startsWith("java.time.") && name.equals("now"))
                        || (owner.equals("java.time.Clock") && name.startsWith("system"))
                        || (owner.equals("java.lang.System") && name.equals("currentTimeMillis"));
            }
        };
        ArchRule rule = noClasses().that().resideInAPackage("dev.gatehouse.console..")
                .and().doNotHaveFullyQualifiedName("dev.gatehouse.console.app.ConsoleApp")
                .and().doNotHaveFullyQualifiedName("dev.gatehouse.console.shell.ConsoleWindow")
                .should().callMethodWhere(readsTheSystemClock)
                .because("relative times and deadlines read the Session's clock, so tests can move time (issue 14 item 3)");
        rule.check(main);
    }

    @Test
    void policyDoesNoIo() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.gatehouse.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System")
                .because("policy rules are pure: the caller passes the clock and the data");
        rule.check(main);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("dev.gatehouse.(gateway|console).(*)..").should().beFreeOfCycles()
                .because("a feature builds on shared pieces (http, enforcement, audit, ids, sql), never on a feature that builds on it")
                .check(main);
    }

    @Test
    void onlyTheProgramsBuildOnTheGatewayServer() {
        noClasses().that().resideInAPackage("dev.gatehouse.gateway.(*)..")
                .and().resideOutsideOfPackages("dev.gatehouse.gateway.demo..", "dev.gatehouse.gateway.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.gateway")
                .because("the server wires the features; a feature that reached back into it would close a cycle")
                .check(main);
    }
}
