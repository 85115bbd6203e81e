package org.xenproject.supportstatus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.xenproject.supportstatus.digest.Sha256;
import org.xenproject.supportstatus.imports.ImportTestSupport;
import org.xenproject.supportstatus.release.ReleaseBranch;
import org.xenproject.supportstatus.store.RevisionStore.ParsedRevision;
import org.xenproject.supportstatus.supportmd.Arch;
import org.xenproject.supportstatus.supportmd.FeatureStatus;
import org.xenproject.supportstatus.supportmd.ParseWarning;
import org.xenproject.supportstatus.supportmd.ReleaseSupport;
import org.xenproject.supportstatus.supportmd.Section;
import org.xenproject.supportstatus.supportmd.SecuritySupport;
import org.xenproject.supportstatus.supportmd.SupportDocument;
import org.xenproject.supportstatus.supportmd.SupportLevel;

/** What the store writes for a document, and that a branch's revisions land all together or not at all. */
class RevisionStoreTest extends ImportTestSupport {

    static final ReleaseBranch RELEASE = ReleaseBranch.of("stable-4.19").orElseThrow();
    static final Checkpoint CHECKPOINT = new Checkpoint("f".repeat(40), true, null, null);

    @Autowired
    RevisionStore store;

    @Test
    void everyPartOfTheDocumentIsStored() {
        store.store(
                RELEASE, List.of(revision("a", "content a", document("Physical Memory"))), "a".repeat(40), CHECKPOINT);

        Map<String, Object> file = jdbc.sql("""
                        select warnings::text as warnings, xen_version, initial_release, supported_until,
                               security_support_until, release_notes, release_raw::text as raw, content
                        from support_file""").query().singleRow();
        assertThat(file.get("warnings")).isEqualTo("[{\"line\": 7, \"message\": \"typo in key: States\"}]");
        assertThat(file.get("xen_version")).isEqualTo("4.19");
        assertThat(file.get("initial_release")).isEqualTo(java.sql.Date.valueOf("2024-07-29"));
        assertThat(file.get("supported_until")).isNull();
        assertThat(file.get("security_support_until")).isEqualTo(java.sql.Date.valueOf("2027-07-29"));
        assertThat(file.get("release_notes")).isEqualTo("https://wiki.example/RN");
        assertThat((String) file.get("raw")).contains("\"supportedUntil\": \"TBD\"");
        assertThat(file.get("content")).isEqualTo("content a");

        assertThat(jdbc.sql("""
                        select ordinal, key, title, level, parent_ordinal, array_to_string(path, '/') as path,
                               array_to_string(description, '|') as description,
                               array_to_string(caveats, '|') as caveats, line
                        from section order by ordinal""").query().listOfRows())
                .extracting(r -> r.get("ordinal") + " " + r.get("key") + " " + r.get("level") + " "
                        + r.get("parent_ordinal") + " " + r.get("path") + " [" + r.get("description") + "] ["
                        + r.get("caveats") + "] " + r.get("line"))
                .containsExactly(
                        "0 release-support 1 null Release Support [] [] 3",
                        "1 feature-support 1 null Feature Support [] [] 10",
                        "2 physical-memory 2 1 Feature Support/Physical Memory [How much.|Really.] [Beware.] 12");

        assertThat(jdbc.sql("""
                        select ordinal, section_ordinal, key, section_key, qualifier, text, level, security,
                               status_limit, array_to_string(arches, ',') as arches, line
                        from feature_status order by ordinal""").query().listOfRows())
                .extracting(r -> r.get("ordinal") + " " + r.get("section_ordinal") + " " + r.get("key") + " "
                        + r.get("section_key") + " " + r.get("qualifier") + " " + r.get("text") + " "
                        + r.get("level") + " " + r.get("security") + " " + r.get("status_limit") + " "
                        + r.get("arches") + " " + r.get("line"))
                .containsExactly(
                        "0 0 release-support--xen-version release-support null 4.19 other unknown null "
                                + "x86,arm32,arm64 5",
                        "1 2 physical-memory--x86 physical-memory x86 Supported up to 16 TiB supported yes "
                                + "16 TiB x86 14",
                        "2 2 physical-memory--arm physical-memory ARM Tech Preview tech-preview no null "
                                + "arm32,arm64 15");
    }

    @Test
    void theSameContentIsStoredOnceForEveryReleaseThatHasIt() {
        SupportDocument document = document("Memory");
        store.store(RELEASE, List.of(revision("a", "same", document)), "a".repeat(40), CHECKPOINT);
        store.store(
                ReleaseBranch.of("master").orElseThrow(),
                List.of(revision("a", "same", null)),
                "a".repeat(40),
                CHECKPOINT);

        assertThat(count("support_file")).isEqualTo(1);
        assertThat(count("revision")).isEqualTo(2);
        assertThat(count("feature_status")).isEqualTo(document.statuses().size());
    }

    @Test
    void aBranchsRevisionsAreStoredAllTogetherOrNotAtAll() {
        store.store(RELEASE, List.of(revision("a", "content a", document("Memory"))), "a".repeat(40), CHECKPOINT);
        Long served = currentRevisionId("4.19");
        long version = dataVersion();

        // The second revision cannot be stored (a section without a title): the first must not stay either.
        assertThatThrownBy(() -> store.store(
                        RELEASE,
                        List.of(
                                revision("b", "content b", document("Memory, again")),
                                revision("c", "content c", document(null))),
                        "c".repeat(40),
                        new Checkpoint("e".repeat(40), true, null, null)))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(count("revision")).isEqualTo(1);
        assertThat(count("support_file")).isEqualTo(1);
        assertThat(currentRevisionId("4.19")).isEqualTo(served);
        assertThat(dataVersion()).isEqualTo(version);
        assertThat(jdbc.sql("select tip from source_branch").query(String.class).single())
                .isEqualTo("f".repeat(40));
    }

    static ParsedRevision revision(String commitLetter, String content, SupportDocument document) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new ParsedRevision(
                new FileRevision(bytes, commitLetter.repeat(40), null, "Ada", Instant.EPOCH, Instant.EPOCH, "subject"),
                Sha256.hex(bytes),
                document);
    }

    /** A hand-made document: a release-support block and one feature section titled {@code title}. */
    static SupportDocument document(String title) {
        FeatureStatus version = new FeatureStatus(
                "release-support--xen-version",
                "release-support",
                null,
                "4.19",
                SupportLevel.OTHER,
                SecuritySupport.UNKNOWN,
                null,
                List.of(Arch.values()),
                5);
        FeatureStatus x86 = new FeatureStatus(
                "physical-memory--x86",
                "physical-memory",
                "x86",
                "Supported up to 16 TiB",
                SupportLevel.SUPPORTED,
                SecuritySupport.YES,
                "16 TiB",
                List.of(Arch.X86),
                14);
        FeatureStatus arm = new FeatureStatus(
                "physical-memory--arm",
                "physical-memory",
                "ARM",
                "Tech Preview",
                SupportLevel.TECH_PREVIEW,
                SecuritySupport.NO,
                null,
                List.of(Arch.ARM32, Arch.ARM64),
                15);
        Section releaseSupport = new Section(
                "release-support",
                "Release Support",
                1,
                List.of("Release Support"),
                List.of(),
                List.of(),
                List.of(version),
                List.of(),
                3);
        Section memory = new Section(
                "physical-memory",
                title,
                2,
                title == null ? List.of("Feature Support") : List.of("Feature Support", title),
                List.of("How much.", "Really."),
                List.of("Beware."),
                List.of(x86, arm),
                List.of(),
                12);
        Section features = new Section(
                "feature-support",
                "Feature Support",
                1,
                List.of("Feature Support"),
                List.of(),
                List.of(),
                List.of(),
                List.of(memory),
                10);
        ReleaseSupport release = new ReleaseSupport(
                "4.19",
                LocalDate.of(2024, 7, 29),
                null,
                LocalDate.of(2027, 7, 29),
                "https://wiki.example/RN",
                Map.of("xenVersion", "4.19", "supportedUntil", "TBD"));
        return new SupportDocument(
                release,
                List.of(releaseSupport, features),
                List.of(version, x86, arm),
                List.of(new ParseWarning(7, "typo in key: States")));
    }
}
