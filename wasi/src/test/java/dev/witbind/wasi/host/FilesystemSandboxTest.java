package dev.witbind.wasi.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.witbind.wasi.bindings.Datetime;
import dev.witbind.wasi.bindings.DescriptorFlags;
import dev.witbind.wasi.bindings.DescriptorStat;
import dev.witbind.wasi.bindings.DescriptorType;
import dev.witbind.wasi.bindings.DirectoryEntry;
import dev.witbind.wasi.bindings.FilesystemTypesErrorCode;
import dev.witbind.wasi.bindings.NewTimestamp;
import dev.witbind.wasi.bindings.OpenFlags;
import dev.witbind.wasi.bindings.PathFlags;
import dev.witbind.wasi.bindings.StreamError;
import dev.witbind.wasi.bindings.Tuple2OfListOfU8AndBool;
import dev.witbind.wasi.bindings.Tuple2OfOwnDescriptorAndString;
import dev.witbind.wasi.config.WasiConfig;
import dev.witbind.wit.values.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filesystem host called from Java on a real temporary tree: a writable preopen {@code /sandbox} with links
 * in and out of it, a second writable preopen {@code /other}, a read-only preopen {@code /ro}, and
 * {@code outside.txt} beside them, outside every preopen.
 */
class FilesystemSandboxTest {
    private static final EnumSet<PathFlags> FOLLOW = EnumSet.of(PathFlags.SYMLINK_FOLLOW);
    private static final EnumSet<PathFlags> NO_FOLLOW = EnumSet.noneOf(PathFlags.class);
    private static final EnumSet<OpenFlags> EXISTING = EnumSet.noneOf(OpenFlags.class);
    private static final EnumSet<DescriptorFlags> READ = EnumSet.of(DescriptorFlags.READ);
    private static final EnumSet<DescriptorFlags> READ_WRITE = EnumSet.of(DescriptorFlags.READ,
            DescriptorFlags.WRITE);

    @TempDir
    Path scratch;

    private Path sandboxDir;
    private Path otherDir;
    private Path readOnlyDir;
    private FilesystemPreopens preopens;
    private FilesystemTypes.Descriptor sandbox;
    private FilesystemTypes.Descriptor other;
    private FilesystemTypes.Descriptor readOnly;

    @BeforeEach
    void buildTree() throws IOException {
        Files.writeString(scratch.resolve("outside.txt"), "outside\n");
        sandboxDir = Files.createDirectory(scratch.resolve("sandbox"));
        Files.writeString(sandboxDir.resolve("inside.txt"), "inside\n");
        Files.createDirectory(sandboxDir.resolve("sub"));
        Files.writeString(sandboxDir.resolve("sub/nested.txt"), "nested\n");
        link("link-in", "inside.txt");
        link("sub/link-up-in", "../inside.txt");
        link("sub/dir-link", "..");
        link("chain-1", "chain-2");
        link("chain-2", "sub/nested.txt");
        link("link-out", "../outside.txt");
        link("link-abs", scratch.resolve("outside.txt").toString());
        link("link-etc", "/etc");
        link("dir-out", "..");
        link("chain-out-1", "chain-out-2");
        link("chain-out-2", "sub/../../outside.txt");
        link("loop-1", "loop-2");
        link("loop-2", "loop-1");
        otherDir = Files.createDirectory(scratch.resolve("other"));
        readOnlyDir = Files.createDirectory(scratch.resolve("ro"));
        Files.writeString(readOnlyDir.resolve("file.txt"), "keep\n");
        Files.createDirectory(readOnlyDir.resolve("dir"));

        WasiContext context = new WasiContext(WasiConfig.builder().preopen(sandboxDir, "/sandbox")
                .preopen(otherDir, "/other").preopenReadOnly(readOnlyDir, "/ro").build());
        preopens = new FilesystemPreopens(context);
        List<Tuple2OfOwnDescriptorAndString> directories = preopens.getDirectories();
        sandbox = (FilesystemTypes.Descriptor) directories.get(0).e0();
        other = (FilesystemTypes.Descriptor) directories.get(1).e0();
        readOnly = (FilesystemTypes.Descriptor) directories.get(2).e0();
    }

    /** JUnit's clean-up warns about a link to a place outside its folder: the link to /etc goes first. */
    @AfterEach
    void removeTheLinkToEtc() throws IOException {
        Files.deleteIfExists(sandboxDir.resolve("link-etc"));
    }

    private void link(String at, String target) throws IOException {
        Files.createSymbolicLink(sandboxDir.resolve(at), Path.of(target));
    }

    // ---- preopens ------------------------------------------------------------------------------------------

    @Test
    void preopensAreTheConfiguredOnesInOrderAndTheSameOnEveryCall() {
        List<Tuple2OfOwnDescriptorAndString> first = preopens.getDirectories();
        List<Tuple2OfOwnDescriptorAndString> second = preopens.getDirectories();

        assertEquals(List.of("/sandbox", "/other", "/ro"), first.stream().map(Tuple2OfOwnDescriptorAndString::e1)
                .toList());
        for (int i = 0; i < first.size(); i++) {
            assertSame(first.get(i).e0(), second.get(i).e0());
        }
        assertEquals(EnumSet.of(DescriptorFlags.READ, DescriptorFlags.MUTATE_DIRECTORY), ok(sandbox.getFlags()));
        assertEquals(READ, ok(readOnly.getFlags()));
        assertEquals(DescriptorType.DIRECTORY, ok(sandbox.getType()));
    }

    // ---- escapes -------------------------------------------------------------------------------------------

    @Test
    void pathsThatLeaveThePreopenAreNotPermitted() {
        for (String path : List.of("..", "../outside.txt", "sub/../../outside.txt", "./..", "sub/../..",
                "/etc/passwd", "/", "link-out", "link-abs", "link-etc/passwd", "dir-out/outside.txt",
                "chain-out-1", "sub/dir-link/../outside.txt")) {
            assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(sandbox.openAt(FOLLOW, path, EXISTING, READ)),
                    path);
            assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(sandbox.statAt(FOLLOW, path)), path);
        }
    }

    @Test
    void aLinkThatLeadsOutsideIsRefusedEvenAsAnIntermediateDirectoryWithoutSymlinkFollow() {
        // only the last component is subject to the path flags: links on the way are always followed (and checked)
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED,
                err(sandbox.openAt(NO_FOLLOW, "dir-out/outside.txt", EXISTING, READ)));
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED,
                err(sandbox.openAt(NO_FOLLOW, "link-etc/passwd", EXISTING, READ)));
    }

    @Test
    void aLinkLoopIsLoop() {
        assertEquals(FilesystemTypesErrorCode.LOOP, err(sandbox.openAt(FOLLOW, "loop-1", EXISTING, READ)));
        assertEquals(FilesystemTypesErrorCode.LOOP, err(sandbox.statAt(FOLLOW, "loop-2/x")));
    }

    @Test
    void linksThatStayInsideAreFollowed() {
        assertEquals("inside\n", readAll(sandbox, FOLLOW, "link-in"));
        assertEquals("inside\n", readAll(sandbox, FOLLOW, "sub/link-up-in"));
        assertEquals("nested\n", readAll(sandbox, FOLLOW, "chain-1"));
        assertEquals("inside\n", readAll(sandbox, NO_FOLLOW, "sub/dir-link/inside.txt"));
        assertEquals("inside\n", readAll(sandbox, NO_FOLLOW, "sub/../inside.txt"));
    }

    @Test
    void aLastLinkNotFollowedIsTheLinkItself() {
        // O_NOFOLLOW: opening the link is loop; stat and readlink see the link, wherever it points
        assertEquals(FilesystemTypesErrorCode.LOOP, err(sandbox.openAt(NO_FOLLOW, "link-in", EXISTING, READ)));
        assertEquals(DescriptorType.SYMBOLIC_LINK, ok(sandbox.statAt(NO_FOLLOW, "link-out")).type());
        assertEquals(DescriptorType.REGULAR_FILE, ok(sandbox.statAt(FOLLOW, "link-in")).type());
        assertEquals("../outside.txt", ok(sandbox.readlinkAt("link-out")));
        assertEquals(FilesystemTypesErrorCode.INVALID, err(sandbox.readlinkAt("inside.txt")));
    }

    @Test
    void aSubdirectoryDescriptorIsASandboxOfItsOwn() {
        FilesystemTypes.Descriptor sub = ok(sandbox.openAt(NO_FOLLOW, "sub", EnumSet.of(OpenFlags.DIRECTORY),
                READ));

        assertEquals("nested\n", readAll(sub, NO_FOLLOW, "nested.txt"));
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(sub.statAt(NO_FOLLOW, "../inside.txt")));
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(sub.statAt(FOLLOW, "link-up-in")));
        // it keeps the preopen's right to change entries, whatever flags the adapter asked for
        assertEquals(EnumSet.of(DescriptorFlags.READ, DescriptorFlags.MUTATE_DIRECTORY), ok(sub.getFlags()));
    }

    @Test
    void aDirectoryDescriptorWhoseDirectoryWasSwappedForALinkOutsideFindsNothing() throws IOException {
        FilesystemTypes.Descriptor sub = ok(sandbox.openAt(NO_FOLLOW, "sub", EnumSet.of(OpenFlags.DIRECTORY),
                READ));
        // the guest could do this itself: move its directory away, and put a link (through a link to ".") there
        assertTrue(sandbox.renameAt("sub", sandbox, "sub-old").isOk());
        assertTrue(sandbox.symlinkAt(".", "here").isOk());
        assertTrue(sandbox.symlinkAt("here/..", "sub").isOk());

        assertEquals(FilesystemTypesErrorCode.NO_ENTRY, err(sub.statAt(NO_FOLLOW, "outside.txt")));
        assertEquals(FilesystemTypesErrorCode.NO_ENTRY, err(sub.openAt(NO_FOLLOW, "outside.txt", EXISTING, READ)));
        assertEquals(FilesystemTypesErrorCode.NO_ENTRY, err(sub.readDirectory()));
        assertEquals(FilesystemTypesErrorCode.NO_ENTRY, err(sub.stat()));
        // and resolving the planted link itself is refused: "here" is the root, its ".." above it
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(sandbox.statAt(NO_FOLLOW, "sub/outside.txt")));
    }

    @Test
    void hostilePathsAreErrorsNotFailures() {
        String huge = "a/".repeat(5 * 1024 * 1024);
        assertEquals(FilesystemTypesErrorCode.NAME_TOO_LONG, err(sandbox.openAt(FOLLOW, huge, EXISTING, READ)));
        assertEquals(FilesystemTypesErrorCode.NAME_TOO_LONG, err(sandbox.createDirectoryAt(huge)));
        assertEquals(FilesystemTypesErrorCode.NAME_TOO_LONG,
                err(sandbox.statAt(NO_FOLLOW, "x".repeat(300))));
        assertEquals(FilesystemTypesErrorCode.NO_ENTRY, err(sandbox.statAt(NO_FOLLOW, "")));
        assertEquals(FilesystemTypesErrorCode.INVALID, err(sandbox.statAt(NO_FOLLOW, "a\0b")));
        assertEquals(FilesystemTypesErrorCode.NO_ENTRY, err(sandbox.statAt(NO_FOLLOW, "missing/x")));
        assertEquals(FilesystemTypesErrorCode.NOT_DIRECTORY, err(sandbox.statAt(NO_FOLLOW, "inside.txt/x")));
        assertEquals(FilesystemTypesErrorCode.NOT_DIRECTORY, err(sandbox.statAt(NO_FOLLOW, "inside.txt/")));
    }

    // ---- files ---------------------------------------------------------------------------------------------

    @Test
    void createWriteAppendAndReadBack() throws IOException {
        FilesystemTypes.Descriptor file = ok(sandbox.openAt(NO_FOLLOW, "notes.txt",
                EnumSet.of(OpenFlags.CREATE, OpenFlags.EXCLUSIVE), EnumSet.of(DescriptorFlags.WRITE)));
        IoStreams.OutputStream writer = ok(file.writeViaStream(0));
        assertTrue(writer.blockingWriteAndFlush(bytes("hello\n")).isOk());
        IoStreams.OutputStream appender = ok(file.appendViaStream());
        assertTrue(appender.blockingWriteAndFlush(bytes("world\n")).isOk());
        writer.close();
        appender.close();
        file.close();

        assertEquals("hello\nworld\n", Files.readString(sandboxDir.resolve("notes.txt")));
        assertEquals("hello\nworld\n", readAll(sandbox, NO_FOLLOW, "notes.txt"));
        assertEquals(12, ok(sandbox.statAt(NO_FOLLOW, "notes.txt")).size());
        assertEquals(FilesystemTypesErrorCode.EXIST, err(sandbox.openAt(NO_FOLLOW, "notes.txt",
                EnumSet.of(OpenFlags.CREATE, OpenFlags.EXCLUSIVE), READ_WRITE)));
    }

    @Test
    void positionedReadAndWriteAndSetSize() throws IOException {
        FilesystemTypes.Descriptor file = ok(sandbox.openAt(NO_FOLLOW, "inside.txt", EXISTING, READ_WRITE));

        assertEquals(3L, ok(file.write(bytes("OUT"), 2)));
        Tuple2OfListOfU8AndBool start = ok(file.read(3, 0));
        assertEquals("inO", new String(start.e0(), StandardCharsets.UTF_8));
        assertFalse(start.e1());
        // a u64 length of 2^64 - 1: at most what is there, never an allocation of that size
        Tuple2OfListOfU8AndBool rest = ok(file.read(-1L, 3));
        assertEquals("UTe\n", new String(rest.e0(), StandardCharsets.UTF_8));
        assertTrue(rest.e1());
        assertEquals(0, ok(file.read(10, 100)).e0().length);
        assertEquals(FilesystemTypesErrorCode.INVALID, err(file.read(1, -1L)));

        assertTrue(file.setSize(2).isOk());
        assertEquals("in", Files.readString(sandboxDir.resolve("inside.txt")));
        assertTrue(file.setSize(5).isOk());
        assertArrayEquals(new byte[] {'i', 'n', 0, 0, 0}, Files.readAllBytes(sandboxDir.resolve("inside.txt")));
        assertTrue(file.sync().isOk());
        assertTrue(file.syncData().isOk());
    }

    @Test
    void truncateEmptiesAnExistingFile() throws IOException {
        FilesystemTypes.Descriptor file = ok(sandbox.openAt(NO_FOLLOW, "inside.txt",
                EnumSet.of(OpenFlags.TRUNCATE), EnumSet.of(DescriptorFlags.WRITE)));

        assertEquals(0, Files.size(sandboxDir.resolve("inside.txt")));
        assertEquals(EnumSet.of(DescriptorFlags.WRITE), ok(file.getFlags()));
    }

    @Test
    void aFileOpenedToReadCannotBeWritten() throws IOException {
        FilesystemTypes.Descriptor file = ok(sandbox.openAt(NO_FOLLOW, "inside.txt", EXISTING, READ));

        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(file.write(bytes("x"), 0)));
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(file.setSize(0)));
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED,
                err(file.setTimes(new NewTimestamp.Now(), new NewTimestamp.Now())));
        assertEquals(FilesystemTypesErrorCode.BAD_DESCRIPTOR, err(file.writeViaStream(0)));
        assertEquals(FilesystemTypesErrorCode.BAD_DESCRIPTOR, err(file.appendViaStream()));
        assertEquals("inside\n", Files.readString(sandboxDir.resolve("inside.txt")));

        FilesystemTypes.Descriptor writeOnly = ok(sandbox.openAt(NO_FOLLOW, "inside.txt", EXISTING,
                EnumSet.of(DescriptorFlags.WRITE)));
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(writeOnly.read(1, 0)));
        assertEquals(FilesystemTypesErrorCode.BAD_DESCRIPTOR, err(writeOnly.readViaStream(0)));
    }

    @Test
    void descriptorsUsedAsTheWrongKind() {
        FilesystemTypes.Descriptor file = ok(sandbox.openAt(NO_FOLLOW, "inside.txt", EXISTING, READ));

        assertEquals(FilesystemTypesErrorCode.NOT_DIRECTORY, err(file.openAt(NO_FOLLOW, "x", EXISTING, READ)));
        assertEquals(FilesystemTypesErrorCode.NOT_DIRECTORY, err(file.readDirectory()));
        assertEquals(FilesystemTypesErrorCode.NOT_DIRECTORY, err(file.statAt(NO_FOLLOW, ".")));
        assertEquals(FilesystemTypesErrorCode.NOT_DIRECTORY, err(file.createDirectoryAt("x")));
        assertEquals(FilesystemTypesErrorCode.BAD_DESCRIPTOR, err(sandbox.read(1, 0)));
        assertEquals(FilesystemTypesErrorCode.BAD_DESCRIPTOR, err(sandbox.readViaStream(0)));
        assertEquals(FilesystemTypesErrorCode.BAD_DESCRIPTOR, err(sandbox.setSize(0)));
        assertEquals(FilesystemTypesErrorCode.NOT_DIRECTORY,
                err(sandbox.openAt(NO_FOLLOW, "inside.txt", EnumSet.of(OpenFlags.DIRECTORY), READ)));
        assertEquals(FilesystemTypesErrorCode.IS_DIRECTORY, err(sandbox.openAt(NO_FOLLOW, "sub", EXISTING,
                READ_WRITE)));
        assertEquals(FilesystemTypesErrorCode.INVALID, err(sandbox.openAt(NO_FOLLOW, "new",
                EnumSet.of(OpenFlags.DIRECTORY, OpenFlags.CREATE), READ)));
        assertEquals(FilesystemTypesErrorCode.IS_DIRECTORY, err(sandbox.openAt(NO_FOLLOW, "new/",
                EnumSet.of(OpenFlags.CREATE), READ_WRITE)));
        assertEquals(FilesystemTypesErrorCode.NO_ENTRY, err(sandbox.openAt(NO_FOLLOW, "missing.txt", EXISTING,
                READ)));
    }

    @Test
    void aFifoIsNotOpenedSinceOpeningItWouldBlock() throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", sandboxDir.resolve("fifo").toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is there");

        assertEquals(FilesystemTypesErrorCode.UNSUPPORTED, err(sandbox.openAt(NO_FOLLOW, "fifo", EXISTING, READ)));
        assertEquals(DescriptorType.FIFO, ok(sandbox.statAt(NO_FOLLOW, "fifo")).type());
    }

    // ---- directories ---------------------------------------------------------------------------------------

    @Test
    void readDirectoryListsEntriesWithTheirOwnTypes() {
        FilesystemTypes.DirectoryEntryStream stream = ok(sandbox.readDirectory());
        Map<String, DescriptorType> entries = new TreeMap<>();
        for (Optional<DirectoryEntry> entry = ok(stream.readDirectoryEntry()); entry.isPresent();
                entry = ok(stream.readDirectoryEntry())) {
            entries.put(entry.get().name(), entry.get().type());
        }

        assertEquals(DescriptorType.REGULAR_FILE, entries.get("inside.txt"));
        assertEquals(DescriptorType.DIRECTORY, entries.get("sub"));
        assertEquals(DescriptorType.SYMBOLIC_LINK, entries.get("link-out"));
        assertEquals(DescriptorType.SYMBOLIC_LINK, entries.get("dir-out"));
        assertFalse(entries.containsKey(".") || entries.containsKey(".."));
        assertEquals(13, entries.size(), entries.toString());
        assertEquals(Optional.empty(), ok(stream.readDirectoryEntry()));
    }

    @Test
    void mkdirRenameUnlinkAndRmdir() {
        assertTrue(sandbox.createDirectoryAt("made").isOk());
        assertTrue(Files.isDirectory(sandboxDir.resolve("made")));
        assertEquals(FilesystemTypesErrorCode.EXIST, err(sandbox.createDirectoryAt("made")));
        assertEquals(FilesystemTypesErrorCode.INVALID, err(sandbox.createDirectoryAt(".")));

        assertTrue(sandbox.renameAt("inside.txt", sandbox, "made/moved.txt").isOk());
        assertFalse(Files.exists(sandboxDir.resolve("inside.txt")));
        assertEquals("inside\n", readAll(sandbox, NO_FOLLOW, "made/moved.txt"));
        assertEquals(FilesystemTypesErrorCode.NO_ENTRY, err(sandbox.renameAt("inside.txt", sandbox, "x")));
        // rename(2) replaces an existing file
        assertTrue(sandbox.renameAt("sub/nested.txt", sandbox, "made/moved.txt").isOk());
        assertEquals("nested\n", readAll(sandbox, NO_FOLLOW, "made/moved.txt"));
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(sandbox.renameAt("made/moved.txt", sandbox,
                "../escaped.txt")));

        assertEquals(FilesystemTypesErrorCode.NOT_EMPTY, err(sandbox.removeDirectoryAt("made")));
        assertEquals(FilesystemTypesErrorCode.IS_DIRECTORY, err(sandbox.unlinkFileAt("made")));
        assertEquals(FilesystemTypesErrorCode.NOT_DIRECTORY, err(sandbox.removeDirectoryAt("made/moved.txt")));
        assertTrue(sandbox.unlinkFileAt("made/moved.txt").isOk());
        assertTrue(sandbox.removeDirectoryAt("made/").isOk());
        assertFalse(Files.exists(sandboxDir.resolve("made")));
        assertEquals(FilesystemTypesErrorCode.NO_ENTRY, err(sandbox.unlinkFileAt("made")));
        assertEquals(FilesystemTypesErrorCode.INVALID, err(sandbox.removeDirectoryAt("..")));
        assertTrue(Files.isDirectory(sandboxDir));
    }

    @Test
    void unlinkRemovesALinkNotItsTarget() {
        assertTrue(sandbox.unlinkFileAt("link-out").isOk());

        assertFalse(Files.exists(sandboxDir.resolve("link-out"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(scratch.resolve("outside.txt")));
    }

    @Test
    void renameBetweenPreopens() throws IOException {
        assertTrue(sandbox.renameAt("sub/nested.txt", other, "arrived.txt").isOk());

        assertEquals("nested\n", Files.readString(otherDir.resolve("arrived.txt")));
        assertFalse(Files.exists(sandboxDir.resolve("sub/nested.txt")));
    }

    @Test
    void symlinkAtCreatesOnlyLinksThatStayInside() throws IOException {
        assertTrue(sandbox.symlinkAt("sub/../inside.txt", "made-link").isOk());
        assertEquals("sub/../inside.txt", ok(sandbox.readlinkAt("made-link")));
        assertEquals("inside\n", readAll(sandbox, FOLLOW, "made-link"));
        assertTrue(sandbox.symlinkAt("../inside.txt", "sub/up").isOk());

        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(sandbox.symlinkAt("/etc/passwd", "abs")));
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(sandbox.symlinkAt("../outside.txt", "up")));
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(sandbox.symlinkAt("../../x", "sub/up2")));
        assertEquals(FilesystemTypesErrorCode.EXIST, err(sandbox.symlinkAt("inside.txt", "link-in")));
        assertFalse(Files.exists(sandboxDir.resolve("abs"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void linkAtMakesAHardLink() throws IOException {
        assertTrue(sandbox.linkAt(NO_FOLLOW, "inside.txt", other, "hard.txt").isOk());

        assertEquals("inside\n", Files.readString(otherDir.resolve("hard.txt")));
        assertEquals(2, ok(sandbox.statAt(NO_FOLLOW, "inside.txt")).linkCount());
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(sandbox.linkAt(FOLLOW, "link-out", other, "x")));
    }

    // ---- stat, times, hashes -------------------------------------------------------------------------------

    @Test
    void statReportsTypeSizeLinksAndTimes() throws IOException {
        DescriptorStat stat = ok(sandbox.statAt(NO_FOLLOW, "inside.txt"));
        FilesystemTypes.Descriptor file = ok(sandbox.openAt(NO_FOLLOW, "inside.txt", EXISTING, READ));

        assertEquals(DescriptorType.REGULAR_FILE, stat.type());
        assertEquals(7, stat.size());
        assertEquals(1, stat.linkCount());
        long modified = Files.getLastModifiedTime(sandboxDir.resolve("inside.txt")).toInstant().getEpochSecond();
        assertEquals(modified, stat.dataModificationTimestamp().orElseThrow().seconds());
        assertTrue(stat.dataAccessTimestamp().isPresent());
        assertTrue(stat.statusChangeTimestamp().isPresent());
        assertEquals(stat, ok(file.stat()));
        assertEquals(DescriptorType.DIRECTORY, ok(sandbox.stat()).type());
        assertEquals(DescriptorType.REGULAR_FILE, ok(file.getType()));
    }

    @Test
    void setTimesAtSetsTheGivenTimes() {
        Datetime access = new Datetime(1_000_000_000L, 5);
        Datetime modification = new Datetime(1_500_000_000L, 123_456_789);

        assertTrue(sandbox.setTimesAt(NO_FOLLOW, "inside.txt", new NewTimestamp.Timestamp(access),
                new NewTimestamp.Timestamp(modification)).isOk());

        DescriptorStat stat = ok(sandbox.statAt(NO_FOLLOW, "inside.txt"));
        assertEquals(modification, stat.dataModificationTimestamp().orElseThrow());
        assertEquals(access.seconds(), stat.dataAccessTimestamp().orElseThrow().seconds());
        assertTrue(sandbox.setTimesAt(NO_FOLLOW, "inside.txt", new NewTimestamp.NoChange(),
                new NewTimestamp.Now()).isOk());
        assertNotEquals(modification, ok(sandbox.statAt(NO_FOLLOW, "inside.txt")).dataModificationTimestamp()
                .orElseThrow());
        assertEquals(FilesystemTypesErrorCode.INVALID, err(sandbox.setTimesAt(NO_FOLLOW, "inside.txt",
                new NewTimestamp.Timestamp(new Datetime(1, 1_000_000_000)), new NewTimestamp.NoChange())));
    }

    @Test
    void metadataHashAndIsSameObjectTellObjectsApart() {
        FilesystemTypes.Descriptor first = ok(sandbox.openAt(NO_FOLLOW, "inside.txt", EXISTING, READ));
        FilesystemTypes.Descriptor second = ok(sandbox.openAt(FOLLOW, "link-in", EXISTING, READ));
        FilesystemTypes.Descriptor nested = ok(sandbox.openAt(NO_FOLLOW, "sub/nested.txt", EXISTING, READ));

        assertEquals(ok(first.metadataHash()), ok(second.metadataHash()));
        assertEquals(ok(first.metadataHash()), ok(sandbox.metadataHashAt(NO_FOLLOW, "inside.txt")));
        assertNotEquals(ok(first.metadataHash()), ok(nested.metadataHash()));
        assertNotEquals(ok(sandbox.metadataHashAt(NO_FOLLOW, "link-in")), ok(first.metadataHash()));
        assertTrue(first.isSameObject(second));
        assertFalse(first.isSameObject(nested));
        assertTrue(sandbox.isSameObject(ok(sandbox.openAt(NO_FOLLOW, "sub/..", EXISTING, READ))));
    }

    @Test
    void aFileRenamedWhileOpenStillReportsItsSize() throws IOException {
        FilesystemTypes.Descriptor file = ok(sandbox.openAt(NO_FOLLOW, "inside.txt", EXISTING, READ));
        Files.move(sandboxDir.resolve("inside.txt"), otherDir.resolve("gone.txt"));

        assertEquals(7, ok(file.stat()).size());
        assertEquals("inside\n", new String(ok(file.read(100, 0)).e0(), StandardCharsets.UTF_8));
    }

    // ---- read-only preopens --------------------------------------------------------------------------------

    @Test
    void aReadOnlyPreopenRefusesEveryChange() throws IOException {
        EnumSet<DescriptorFlags> write = EnumSet.of(DescriptorFlags.WRITE);
        List<Result<?, FilesystemTypesErrorCode>> refused = new ArrayList<>(List.of(
                readOnly.openAt(NO_FOLLOW, "new.txt", EnumSet.of(OpenFlags.CREATE), write),
                readOnly.openAt(NO_FOLLOW, "new.txt", EnumSet.of(OpenFlags.CREATE), READ),
                readOnly.openAt(NO_FOLLOW, "file.txt", EXISTING, write),
                readOnly.openAt(NO_FOLLOW, "file.txt", EnumSet.of(OpenFlags.TRUNCATE), READ),
                readOnly.openAt(NO_FOLLOW, "dir", EXISTING, EnumSet.of(DescriptorFlags.MUTATE_DIRECTORY)),
                readOnly.createDirectoryAt("new"),
                readOnly.removeDirectoryAt("dir"),
                readOnly.unlinkFileAt("file.txt"),
                readOnly.renameAt("file.txt", readOnly, "renamed.txt"),
                readOnly.renameAt("file.txt", sandbox, "stolen.txt"),
                sandbox.renameAt("inside.txt", readOnly, "planted.txt"),
                readOnly.symlinkAt("file.txt", "link"),
                readOnly.linkAt(NO_FOLLOW, "file.txt", readOnly, "hard.txt"),
                sandbox.linkAt(NO_FOLLOW, "inside.txt", readOnly, "hard.txt"),
                readOnly.setTimesAt(NO_FOLLOW, "file.txt", new NewTimestamp.Now(), new NewTimestamp.Now()),
                readOnly.setTimes(new NewTimestamp.Now(), new NewTimestamp.Now())));
        FilesystemTypes.Descriptor file = ok(readOnly.openAt(NO_FOLLOW, "file.txt", EXISTING, READ));
        refused.add(file.write(bytes("x"), 0));
        refused.add(file.setSize(0));
        FilesystemTypes.Descriptor dir = ok(readOnly.openAt(NO_FOLLOW, "dir", EnumSet.of(OpenFlags.DIRECTORY),
                READ));
        refused.add(dir.createDirectoryAt("deeper"));
        refused.add(dir.openAt(NO_FOLLOW, "new.txt", EnumSet.of(OpenFlags.CREATE), write));

        for (Result<?, FilesystemTypesErrorCode> result : refused) {
            assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, err(result));
        }
        assertEquals(FilesystemTypesErrorCode.BAD_DESCRIPTOR, err(file.writeViaStream(0)));
        assertEquals(READ, ok(dir.getFlags()));
        try (var listing = Files.list(readOnlyDir)) {
            assertEquals(List.of("dir", "file.txt"), listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (var listing = Files.list(readOnlyDir.resolve("dir"))) {
            assertEquals(List.of(), listing.toList());
        }
        assertEquals("keep\n", Files.readString(readOnlyDir.resolve("file.txt")));
        assertTrue(Files.exists(sandboxDir.resolve("inside.txt")));
        // reading is what it allows
        assertEquals("keep\n", readAll(readOnly, NO_FOLLOW, "file.txt"));
    }

    // ---- errors of streams ---------------------------------------------------------------------------------

    @Test
    void filesystemErrorCodeReadsAStreamErrorsCode() {
        FilesystemTypes host = new FilesystemTypes();

        assertEquals(Optional.of(FilesystemTypesErrorCode.NO_ENTRY),
                host.filesystemErrorCode(IoError.Error.of(new NoSuchFileException("x"))));
        assertEquals(Optional.of(FilesystemTypesErrorCode.NOT_PERMITTED), host.filesystemErrorCode(IoError.Error.of(
                new ErrorCodeException(FilesystemTypesErrorCode.NOT_PERMITTED, "refused"))));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Opens {@code path} to read and reads it to its end through read-via-stream, as the adapters do. */
    private static String readAll(FilesystemTypes.Descriptor directory, EnumSet<PathFlags> flags, String path) {
        FilesystemTypes.Descriptor file = ok(directory.openAt(flags, path, EXISTING, READ));
        IoStreams.InputStream in = ok(file.readViaStream(0));
        StringBuilder text = new StringBuilder();
        while (true) {
            Result<byte[], StreamError> read = in.blockingRead(4096);
            if (read instanceof Result.Err<byte[], StreamError> end) {
                assertEquals(new StreamError.Closed(), end.error());
                break;
            }
            text.append(new String(read.orElseThrow(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T ok(Result<T, FilesystemTypesErrorCode> result) {
        if (result instanceof Result.Err<T, FilesystemTypesErrorCode> err) {
            throw new AssertionError("expected ok, got " + err.error());
        }
        return result.orElseThrow();
    }

    private static FilesystemTypesErrorCode err(Result<?, FilesystemTypesErrorCode> result) {
        if (result instanceof Result.Err<?, FilesystemTypesErrorCode> err) {
            return err.error();
        }
        throw new AssertionError("expected an error, got " + result);
    }
}
