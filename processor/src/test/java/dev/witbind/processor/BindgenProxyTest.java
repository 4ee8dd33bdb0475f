package dev.witbind.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.witbind.wit.parser.WitPackages;
import dev.witbind.wit.parser.model.WitWorld;
import dev.witbind.wit.parser.model.WorldItem;
import dev.witbind.wit.values.Result;
import dev.witbind.wit.values.VariantValue;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated proxy {@code ShopGuest} of {@code wit/bindgen/shop.wit}, loaded: its function types are the WIT's,
 * and its generated conversions take the dynamic values of {@code GuestFunction.call} to the generated Java types
 * and back unchanged. (The greeter sample runs a generated proxy against a real guest.)
 */
class BindgenProxyTest {
    private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

    @TempDir
    static Path classes;

    private static URLClassLoader loader;
    private static Class<?> proxy;

    @BeforeAll
    static void compileAndLoad() throws IOException, ClassNotFoundException {
        Path shop = Compilations.goldenDirectory().resolve("com/example/shop");
        Compilation compilation = Compilations.compile(
                List.of("-Awitbind.wit=" + Compilations.testResources().resolve("wit/bindgen").toAbsolutePath()),
                Compilations.sourceFile(shop.resolve("package-info.java")),
                Compilations.sourceFile(shop.resolve("ShopHost.java")));
        assertThat(compilation).succeeded();
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            if (path.startsWith(CLASS_OUTPUT)) {
                Path target = classes.resolve(path.substring(CLASS_OUTPUT.length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.write(target, in.readAllBytes());
                }
            }
        }
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, BindgenProxyTest.class.getClassLoader());
        proxy = loader.loadClass("com.example.shop.ShopGuest");
    }

    @AfterAll
    static void closeLoader() throws IOException {
        loader.close();
    }

    private static Object call(String method, Object argument) throws ReflectiveOperationException {
        for (Method candidate : proxy.getDeclaredMethods()) {
            if (candidate.getName().equals(method)) {
                candidate.setAccessible(true);
                return candidate.invoke(null, argument);
            }
        }
        throw new NoSuchMethodException(method);
    }

    @Test
    void functionTypesAreTheWits() throws ReflectiveOperationException {
        WitWorld world = WitPackages.load(Compilations.testResources().resolve("wit/bindgen"))
                .findWorld("shop").orElseThrow();
        for (WorldItem item : world.exports().values()) {
            var field = proxy.getDeclaredField(item.key().toUpperCase(Locale.ROOT));
            field.setAccessible(true);
            assertEquals(((WorldItem.Function) item).function().type(), field.get(null), item.key());
        }
    }

    @Test
    void recordsWithListsOptionsAndCharsRoundTrip() throws ReflectiveOperationException {
        Map<String, Object> item = Map.of("name", "pen", "price-cents", -1, "color", "dark-blue", "tags",
                List.of("a", "b"));
        Map<String, Object> receipt = Map.of("items", List.of(item), "total", Long.MIN_VALUE, "note",
                Optional.of("thanks"), "initial", 0x1F389);

        Object java = call("liftReceipt", receipt);
        assertEquals("Receipt[items=[Item[name=pen, priceCents=-1, color=DARK_BLUE, tags=[a, b]]], "
                + "total=-9223372036854775808, note=Optional[thanks], initial=127881]", java.toString());
        assertEquals(receipt, call("lowerReceipt", java));
        assertEquals(Optional.empty(), call("liftOptionOfReceipt", Optional.empty()));
    }

    @Test
    void variantsEnumsFlagsAndResultsRoundTrip() throws ReflectiveOperationException {
        VariantValue found = VariantValue.of("found", Map.of("name", "pen", "price-cents", 5, "color", "red",
                "tags", List.of()));
        Object lookup = call("liftLookup", found);
        assertEquals("Found[value=Item[name=pen, priceCents=5, color=RED, tags=[]]]", lookup.toString());
        assertEquals(found, call("lowerLookup", lookup));
        assertEquals(VariantValue.of("missing"), call("lowerLookup", call("liftLookup", VariantValue.of("missing"))));

        Object permissions = call("liftPermissions", Set.of("admin", "read"));
        assertEquals("[READ, ADMIN]", permissions.toString());
        assertEquals(Set.of("read", "admin"), call("lowerPermissions", permissions));

        assertEquals("Ok[7]", call("liftResultOfU64OrErrorCode", Result.ok(7L)).toString());
        assertEquals("Err[FORBIDDEN]", call("liftResultOfU64OrErrorCode", Result.err("forbidden")).toString());
    }
}
