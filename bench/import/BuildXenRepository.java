import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a bare git repository shaped like xen.git from the corpus of real SUPPORT.md files, for
 * the import benchmark. Needs only a JDK and the git CLI (it feeds one stream to git fast-import).
 *
 * <pre>java BuildXenRepository.java CORPUS_DIR OUT_DIR [UNRELATED_PER_CHANGE [SCALE]]</pre>
 *
 * Shape: master walks from the 4.10 file to today's master in successive edits (STEPS per corpus
 * version, section by section); at each release's file, stable-X.Y branches off and gets
 * POINT_EDITS edits of its own with RELEASE-X.Y.Z tags; stable-4.7..4.9 predate SUPPORT.md;
 * every SUPPORT.md change is followed by unrelated commits to other files, one in 13 of them a
 * security fix ("This is XSA-N / CVE-2026-N.").
 *
 * <p>SCALE (default 1) multiplies the releases: beside each stable-X.Y, SCALE - 1 more branches
 * (stable-5.Y, stable-6.Y, ...) branch off at the same point, shaped the same way, with their own
 * Xen-Version. Since a branch's history includes master's commits before its branch point, the
 * stored revisions grow about as much: "the same figures with 10x the history" (bench/README.md).
 */
public class BuildXenRepository {

    static final List<String> VERSIONS = List.of(
            "4.10", "4.11", "4.12", "4.13", "4.14", "4.15", "4.16", "4.17", "4.18", "4.19", "4.20", "4.21", "4.22");
    static final int STEPS = 10;
    static final int POINT_EDITS = 8;
    static final int UNRELATED_FILES = 400;

    final OutputStream out;
    final int unrelatedPerChange;
    final int scale;
    int marks;
    long time = 1483228800L; // 2017-01-01
    int unrelatedCounter;
    int supportChanges;
    int commits;

    BuildXenRepository(OutputStream out, int unrelatedPerChange, int scale) {
        this.out = out;
        this.unrelatedPerChange = unrelatedPerChange;
        this.scale = scale;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java BuildXenRepository.java CORPUS_DIR OUT_DIR [UNRELATED_PER_CHANGE [SCALE]]");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path target = Path.of(args[1]);
        int unrelated = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int scale = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        if (Files.exists(target)) {
            throw new IllegalStateException(target + " exists; remove it first");
        }
        run(new ProcessBuilder("git", "init", "-q", "--bare", "-b", "master", target.toString()));
        Process fastImport = new ProcessBuilder("git", "--git-dir=" + target, "fast-import", "--quiet")
                .inheritIO()
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        BuildXenRepository build;
        try (OutputStream stream = new BufferedOutputStream(fastImport.getOutputStream(), 1 << 20)) {
            build = new BuildXenRepository(stream, unrelated, scale);
            build.build(corpus);
        }
        if (fastImport.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed");
        }
        System.out.printf(
                "Built %s: %d commits, %d of them change SUPPORT.md%n", target, build.commits, build.supportChanges);
    }

    void build(Path corpus) throws IOException {
        // The initial tree: unrelated files only.
        List<String> initial = new ArrayList<>();
        for (int i = 0; i < UNRELATED_FILES; i++) {
            int blob = blob(("/* file " + i + " */\nint f" + i + "(void) { return " + i + "; }\n")
                    .getBytes(StandardCharsets.UTF_8));
            initial.add("M 100644 :" + blob + " " + unrelatedPath(i));
        }
        initial.add("M 100644 :" + blob("Xen hypervisor\n".getBytes(StandardCharsets.UTF_8)) + " README");
        int root = commit("refs/heads/master", "Initial import", "", null, initial);
        int master = root;
        for (String old : List.of("4.7", "4.8", "4.9")) {
            int tip = commit("refs/heads/stable-" + old, "Branch " + old, "", root, List.of());
            tip = unrelated("refs/heads/stable-" + old, tip, 3);
            tag("RELEASE-" + old + ".0", tip);
        }
        String previous = "";
        for (String version : VERSIONS) {
            String file = Files.readString(corpus.resolve("SUPPORT-stable-" + version + ".md"));
            master = stepTo("refs/heads/master", master, previous, file, "SUPPORT.md: towards " + version);
            previous = file;
            stableBranch(version, master, file, false);
            String minor = version.substring(version.indexOf('.') + 1);
            for (int copy = 1; copy < scale; copy++) {
                stableBranch((4 + copy) + "." + minor, master, file, true);
            }
        }
        stepTo(
                "refs/heads/master",
                master,
                previous,
                Files.readString(corpus.resolve("SUPPORT-master.md")),
                "SUPPORT.md: towards unstable");
        out.write("done\n".getBytes(StandardCharsets.UTF_8));
    }

    /** stable-{@code version} off {@code base}, with its point edits and tags. */
    void stableBranch(String version, int base, String file, boolean renamed) throws IOException {
        String branch = "refs/heads/stable-" + version;
        int tip = base;
        String point = file;
        if (renamed) {
            point = XEN_VERSION.matcher(file).replaceFirst("$1" + version);
            tip = support(branch, tip, point, "SUPPORT.md: Xen-Version " + version);
        }
        tip = commit(branch, "Create stable-" + version, "", tip, List.of());
        tag("RELEASE-" + version + ".0", tip);
        for (int p = 1; p <= POINT_EDITS; p++) {
            point = pointEdit(point, p);
            tip = support(branch, tip, point, "SUPPORT.md: " + version + " update " + p);
            tip = unrelated(branch, tip, unrelatedPerChange);
            tag("RELEASE-" + version + "." + p, tip);
        }
    }

    private static final Pattern XEN_VERSION = Pattern.compile("(Xen-Version: )\\d+\\.\\d+");

    /**
     * Up to STEPS commits that turn {@code from} into {@code to}: the sections that differ are
     * brought over a few at a time, top down, as successive real edits would.
     */
    int stepTo(String ref, int parent, String from, String to, String subject) throws IOException {
        List<Section> a = sections(from);
        List<Section> b = sections(to);
        List<Section> changed = new ArrayList<>();
        for (Section section : b) {
            if (!a.contains(section)) {
                changed.add(section);
            }
        }
        String last = from;
        int tip = parent;
        for (int step = 1; step <= STEPS; step++) {
            List<Section> applied = changed.subList(0, (int) Math.ceil(step * changed.size() / (double) STEPS));
            StringBuilder text = new StringBuilder();
            for (Section section : b) {
                if (!changed.contains(section) || applied.contains(section)) {
                    text.append(section.text());
                } else {
                    a.stream()
                            .filter(old -> old.id().equals(section.id()))
                            .findFirst()
                            .ifPresent(old -> text.append(old.text()));
                }
            }
            String next = step == STEPS ? to : text.toString();
            if (next.equals(last)) {
                continue;
            }
            tip = support(ref, tip, next, subject + " (" + step + "/" + STEPS + ")");
            tip = unrelated(ref, tip, unrelatedPerChange);
            last = next;
        }
        return tip;
    }

    /** A heading and the lines under it up to the next heading; {@code id} tells repeated headings apart. */
    record Section(String id, String text) {}

    static List<Section> sections(String text) {
        List<Section> sections = new ArrayList<>();
        if (text.isEmpty()) {
            return sections;
        }
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        StringBuilder current = new StringBuilder();
        String heading = "";
        for (String line : text.split("(?<=\n)")) {
            if (line.startsWith("#")) {
                sections.add(new Section(heading, current.toString()));
                int n = seen.merge(line, 1, Integer::sum);
                heading = line + "#" + n;
                current = new StringBuilder();
            }
            current.append(line);
        }
        sections.add(new Section(heading, current.toString()));
        return sections;
    }

    private static final Pattern SECURITY_UNTIL = Pattern.compile("(Security-Support-Until: )(\\d{4})(-\\d\\d-\\d\\d)");

    /** A stable branch's own edit: the security support date moves, or a note is added. */
    static String pointEdit(String text, int p) {
        Matcher m = SECURITY_UNTIL.matcher(text);
        if (p % 2 == 1 && m.find()) {
            return m.replaceFirst("$1" + (Integer.parseInt(m.group(2)) + 1) + "$3");
        }
        return text + "\nNote " + p + " for this stable release.\n";
    }

    int support(String ref, int parent, String text, String subject) throws IOException {
        supportChanges++;
        int blob = blob(text.getBytes(StandardCharsets.UTF_8));
        return commit(ref, subject, "", parent, List.of("M 100644 :" + blob + " SUPPORT.md"));
    }

    int unrelated(String ref, int parent, int count) throws IOException {
        int tip = parent;
        for (int i = 0; i < count; i++) {
            int n = unrelatedCounter++;
            int file = n % UNRELATED_FILES;
            int blob =
                    blob(("/* file " + file + ", change " + n + " */\nint f" + file + "(void) { return " + n + "; }\n")
                            .getBytes(StandardCharsets.UTF_8));
            // One change in 13 is a security fix, as xen.git's messages say one (docs/advisories.md).
            String body =
                    n % 13 == 0 ? "This is XSA-" + (1000 + n / 13) + " / CVE-2026-" + (10000 + n / 13) + ".\n\n" : "";
            tip = commit(
                    ref,
                    "x86: unrelated change " + n,
                    body,
                    tip,
                    List.of("M 100644 :" + blob + " " + unrelatedPath(file)));
        }
        return tip;
    }

    static String unrelatedPath(int i) {
        String[] dirs = {"xen/arch/x86", "xen/arch/arm", "xen/common", "tools/libs/light", "tools/xl", "docs/misc"};
        return dirs[i % dirs.length] + "/file" + i + ".c";
    }

    int blob(byte[] content) throws IOException {
        int mark = ++marks;
        write("blob\nmark :" + mark + "\ndata " + content.length + "\n");
        out.write(content);
        write("\n");
        return mark;
    }

    int commit(String ref, String subject, String body, Integer parent, List<String> changes) throws IOException {
        int mark = ++marks;
        commits++;
        time += 3600;
        byte[] message = (subject + "\n\n" + body + "Signed-off-by: Bench <bench@example.org>\n")
                .getBytes(StandardCharsets.UTF_8);
        StringBuilder c = new StringBuilder();
        c.append("commit ")
                .append(ref)
                .append('\n')
                .append("mark :")
                .append(mark)
                .append('\n')
                .append("author Ada Author <ada@example.org> ")
                .append(time)
                .append(" +0000\n")
                .append("committer Carl Committer <carl@example.org> ")
                .append(time + 60)
                .append(" +0000\n")
                .append("data ")
                .append(message.length)
                .append('\n');
        write(c.toString());
        out.write(message);
        StringBuilder rest = new StringBuilder();
        if (parent != null) {
            rest.append("from :").append(parent).append('\n');
        }
        for (String change : changes) {
            rest.append(change).append('\n');
        }
        rest.append('\n');
        write(rest.toString());
        return mark;
    }

    void tag(String name, int commit) throws IOException {
        time += 60;
        byte[] message = ("Xen " + name + "\n").getBytes(StandardCharsets.UTF_8);
        write("tag " + name + "\nfrom :" + commit + "\ntagger Release Manager <rm@example.org> " + time
                + " +0000\ndata " + message.length + "\n");
        out.write(message);
        write("\n");
    }

    void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    static void run(ProcessBuilder process) throws IOException, InterruptedException {
        if (process.inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("failed: " + process.command());
        }
    }
}
