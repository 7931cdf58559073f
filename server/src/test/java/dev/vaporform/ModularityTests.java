package dev.vaporform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Module boundaries: no cycles, no reaching into another module's internals; writes docs/modules. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(VaporformApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheDesignExists() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString())).contains("platform", "auth", "projects");
    }

    @Test
    void writesModuleDocumentation() throws java.io.IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeDocumentation();
        ModuleDocs.sortListings(java.nio.file.Path.of("../docs/modules"));
    }
}
