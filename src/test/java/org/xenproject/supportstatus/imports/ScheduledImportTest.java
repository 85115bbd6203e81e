package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenproject.supportstatus.testing.SupportFiles.supportMd;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xenproject.supportstatus.testing.ImportSource;
import org.xenproject.supportstatus.testing.XenRepository;

/** With the schedule on, the service imports once it is ready, on its own thread, without being asked. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"xen.support.import.enabled=true", "xen.support.import.interval=PT1H"})
class ScheduledImportTest {

    @TempDir
    static Path temp;

    static XenRepository repo;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void source(DynamicPropertyRegistry registry) {
        ImportSource.register(registry, () -> temp.resolve("xen"), () -> temp.resolve("cache"));
    }

    @BeforeAll
    static void buildRepository() {
        repo = XenRepository.create(temp.resolve("xen"));
        repo.branch("stable-4.21", "master");
        repo.commitSupport(
                "stable-4.21", "Release 4.21.0", supportMd("4.21", "2025-11-19", "2027-05-19", "2028-11-19"));
    }

    @AfterAll
    static void closeRepository() {
        repo.close();
    }

    @Test
    void importsAtStartUp() throws InterruptedException {
        String source = "git " + temp.resolve("xen");
        Map<String, Object> run = null;
        for (int i = 0; i < 300 && run == null; i++) {
            run = jdbc
                    .sql("select trigger, outcome from import_run where source = ? and finished_at is not null")
                    .param(source)
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst()
                    .orElse(null);
            if (run == null) {
                Thread.sleep(100);
            }
        }

        // The test database is shared: releases other test classes left may fail this run's other
        // branches (their branch is not in this repository), so the branch of this one is judged.
        assertThat(run).isNotNull().containsEntry("trigger", "startup");
        assertThat(jdbc.sql("""
                                select b.outcome from import_branch_result b join import_run r on r.id = b.run_id
                                where r.source = ? and b.branch = 'stable-4.21'""").param(source).query(String.class).list()).containsExactly("imported");
        assertThat(jdbc.sql("select count(*) from release where version = '4.21'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
