package vn.loa.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import vn.loa.server.http.ApiError;
import vn.loa.server.user.UserService;

/**
 * The server's package rules (ADR 0033): services refuse in domain terms, and no two packages depend on each other.
 */
class ArchitectureTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("vn.loa.server");

    @Test
    void onlyTheWebLayerNamesAnHttpStatus() {
        noClasses().that().resideOutsideOfPackage("vn.loa.server.http..")
                .and().haveSimpleNameNotEndingWith("Routes")
                .should().dependOnClassesThat(equivalentTo(ApiError.class))
                .because("services throw a Refusal; the web layer maps its kind to a status (ADR 0033)")
                .check(SERVER);
    }

    @Test
    void packagesDoNotDependOnEachOtherInACircle() {
        slices().matching("vn.loa.server.(*)..").should().beFreeOfCycles()
                // The one cycle left (issue 18): sign-in reads the users (SignIn, AuthRoutes -> user), and managing a
                // user hashes and checks passwords and ends their sessions (UserService -> auth). Cut it by giving
                // sign-in an account store of its own (the store interface of issue 18, part 5), then delete this.
                .ignoreDependency(equivalentTo(UserService.class), resideInAPackage("vn.loa.server.auth.."))
                .check(SERVER);
    }
}
