package vn.loa.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.loa.server.http.ApiError;

/**
 * The server's package rules (ADR 0033): services refuse in domain terms, and no package reaches itself through others.
 */
class ArchitectureTest {

    /** The server's main classes only, read from where they were compiled (scanning the class path takes long). */
    private static final JavaClasses SERVER = new ClassFileImporter().importPath(mainClasses());

    private static Path mainClasses() {
        try {
            return Path.of(LoaServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

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
                .check(SERVER);
    }
}
