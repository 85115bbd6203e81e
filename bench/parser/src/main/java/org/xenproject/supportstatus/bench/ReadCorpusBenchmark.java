package org.xenproject.supportstatus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xenproject.supportstatus.supportmd.SupportMdReader;
import org.xenproject.supportstatus.supportmd.SupportMdRejected;

/**
 * Time to read all of Xen's real SUPPORT.md files (the 14 branch tips of the shared corpus), warm:
 * bytes in memory to {@code SupportDocument}s, as an import of every branch does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReadCorpusBenchmark {

    /** The corpus directory; empty means system property xen.corpus.dir, else shared/corpus/xen found upwards. */
    @Param("")
    public String corpusDir;

    private final SupportMdReader reader = new SupportMdReader();
    private List<byte[]> files;

    @Setup
    public void load() throws IOException {
        Path dir = corpus();
        files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "SUPPORT-*.md")) {
            for (Path file : found) {
                files.add(Files.readAllBytes(file));
            }
        }
        if (files.size() != 14) {
            throw new IllegalStateException(
                    "expected the 14 SUPPORT.md files of the corpus in " + dir + ", found " + files.size());
        }
    }

    @Benchmark
    public int readAll14Files() throws SupportMdRejected {
        int statuses = 0;
        for (byte[] file : files) {
            statuses += reader.read(file).statuses().size();
        }
        return statuses;
    }

    private Path corpus() {
        String given = !corpusDir.isEmpty() ? corpusDir : System.getProperty("xen.corpus.dir", "");
        if (!given.isEmpty()) {
            return Path.of(given);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus/xen");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new UncheckedIOException(
                new IOException("corpus not found: give -p corpusDir=<dir> or -Dxen.corpus.dir=<dir>"));
    }
}
