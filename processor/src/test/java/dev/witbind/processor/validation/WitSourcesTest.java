package dev.witbind.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default convention: which src/main/wit a source file gets, and which package directories it has. */
class WitSourcesTest {
    @TempDir
    Path project;

    private Path file(String relative) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "");
    }

    @Test
    void mainAndTestSourcesOfAProjectGetItsSrcMainWit() throws IOException {
        file("src/main/wit/a.wit");
        Path wit = project.resolve("src/main/wit");

        assertEquals(Optional.of(wit), WitSources.conventionDirectory(file("src/main/java/com/example/Host.java")));
        assertEquals(Optional.of(wit), WitSources.conventionDirectory(file("src/test/java/Host.java")));
    }

    @Test
    void generatedSourcesOutsideSrcGetNone() throws IOException {
        file("src/main/wit/a.wit");

        assertEquals(Optional.empty(),
                WitSources.conventionDirectory(file("target/generated-sources/hosts/com/example/Host.java")));
    }

    @Test
    void theNearestProjectWins() throws IOException {
        file("src/main/wit/a.wit");
        file("module/src/main/wit/b.wit");

        assertEquals(Optional.of(project.resolve("module/src/main/wit")),
                WitSources.conventionDirectory(file("module/src/main/java/Host.java")));
    }

    @Test
    void projectWithoutSrcMainWitGetsNone() throws IOException {
        assertEquals(Optional.empty(), WitSources.conventionDirectory(file("src/main/java/Host.java")));
    }

    @Test
    void packageDirectoriesAreTheRootWithWitFilesAndEachSubdirectoryWithWitFilesButDeps() throws IOException {
        file("src/main/wit/a.wit");
        file("src/main/wit/deps/dep/d.wit");
        file("src/main/wit/second/b.wit");
        file("src/main/wit/empty/README.md");
        Path wit = project.resolve("src/main/wit");

        assertEquals(List.of(wit, wit.resolve("second")), WitSources.packageDirectories(wit));
    }

    @Test
    void subdirectoriesAloneArePackages() throws IOException {
        file("src/main/wit/one/a.wit");
        file("src/main/wit/two/b.wit");
        Path wit = project.resolve("src/main/wit");

        assertEquals(List.of(wit.resolve("one"), wit.resolve("two")), WitSources.packageDirectories(wit));
    }
}
