package org.xenproject.supportstatus.imports;

import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xenproject.supportstatus.imports.SupportSource.SourceRefs;
import org.xenproject.supportstatus.store.BranchResult;
import org.xenproject.supportstatus.store.DataVersions;
import org.xenproject.supportstatus.store.Ids;
import org.xenproject.supportstatus.store.ImportLock;
import org.xenproject.supportstatus.store.ImportRun;
import org.xenproject.supportstatus.store.ImportRun.Outcome;
import org.xenproject.supportstatus.store.ImportRun.Trigger;
import org.xenproject.supportstatus.store.ImportRunRepository;

/**
 * Runs imports: on a schedule (the first at start-up), and on request. Each run holds the import
 * lock, so one instance imports at a time; the others record the run as skipped. Runs happen on
 * one thread of their own, never on a request thread nor before the HTTP port is ready.
 */
@Service
public class ImportJob implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

    /** A first import's quick step: every release's current file, from the branch tips. */
    static final String PHASE_TIPS = "tips";
    /** Bringing the source up to date: a clone or a fetch. */
    static final String PHASE_FETCH = "fetch";
    /** Reading and storing each branch, with its history. */
    static final String PHASE_BRANCHES = "branches";
    /** Reading and storing each branch's security fixes, after every branch's history. */
    static final String PHASE_FIXES = "fixes";

    private final ImportLock.Locks locks;
    private final ImportRunRepository runs;
    private final Importer importer;
    private final FixImporter fixImporter;
    private final SupportSourceFactory sources;
    private final ImportSettings settings;
    private final ImportMetrics metrics;
    private final BranchPatterns patterns;
    private final TransactionTemplate transaction;
    private final DataVersions dataVersions;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "import");
        t.setDaemon(true);
        return t;
    });

    public ImportJob(
            ImportLock.Locks locks,
            ImportRunRepository runs,
            Importer importer,
            FixImporter fixImporter,
            SupportSourceFactory sources,
            ImportSettings settings,
            ImportMetrics metrics,
            PlatformTransactionManager transactions,
            DataVersions dataVersions) {
        this.locks = locks;
        this.runs = runs;
        this.importer = importer;
        this.fixImporter = fixImporter;
        this.sources = sources;
        this.settings = settings;
        this.metrics = metrics;
        this.patterns = new BranchPatterns(settings.branches());
        this.transaction = new TransactionTemplate(transactions);
        this.dataVersions = dataVersions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleOnceReady() {
        if (!settings.enabled()) {
            log.info("Scheduled imports are off (XEN_SUPPORT_IMPORT_ENABLED=false); imports start only on request");
            return;
        }
        log.info("Importing from {} now and every {}", describeSource(), settings.interval());
        AtomicBoolean first = new AtomicBoolean(true);
        thread.scheduleWithFixedDelay(
                () -> {
                    try {
                        run(first.getAndSet(false) ? Trigger.STARTUP : Trigger.SCHEDULE);
                    } catch (Throwable e) {
                        // An escaping exception would cancel the schedule for good.
                        log.error("Import run failed", e);
                    }
                },
                0,
                settings.interval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Runs an import on this thread and answers the finished run, or a skipped one. */
    public ImportRunView run(Trigger trigger) {
        Optional<ImportLock> lock = tryLock();
        if (lock.isEmpty()) {
            return skipped(trigger);
        }
        try {
            return execute(begin(trigger));
        } finally {
            lock.get().close();
        }
    }

    /** Starts an import on the import thread and answers the run as it began, or a skipped one. */
    public ImportRunView start(Trigger trigger) {
        Optional<ImportLock> lock = tryLock();
        if (lock.isEmpty()) {
            return skipped(trigger);
        }
        try {
            ImportRunView started = begin(trigger);
            thread.execute(() -> {
                try {
                    execute(started);
                } catch (Throwable e) {
                    log.error("Import run {} failed", started.id(), e);
                } finally {
                    lock.get().close();
                }
            });
            return started;
        } catch (RuntimeException e) {
            lock.get().close();
            throw e;
        }
    }

    public List<ImportRunView> recent(int limit) {
        return runs.newest(limit).stream().map(ImportRunView::of).toList();
    }

    public Optional<ImportRunView> find(long id) {
        return runs.findById(id).map(ImportRunView::of);
    }

    private Optional<ImportLock> tryLock() {
        return locks.tryAcquire();
    }

    private ImportRunView skipped(Trigger trigger) {
        log.info("Another instance is importing: {} import skipped", Ids.id(trigger));
        Instant now = Instant.now();
        ImportRun run = new ImportRun(trigger, describeSource(), now);
        run.finish(Outcome.SKIPPED, "another instance was importing", now);
        return ImportRunView.of(runs.save(run));
    }

    /** Records a new run; called with the lock held, when no run can be in progress anywhere. */
    private ImportRunView begin(Trigger trigger) {
        int abandoned = runs.abandonUnfinished();
        if (abandoned > 0) {
            log.warn("Marked {} unfinished import run(s) of a stopped instance as abandoned", abandoned);
        }
        return ImportRunView.of(runs.save(new ImportRun(trigger, describeSource(), Instant.now())));
    }

    private ImportRunView execute(ImportRunView run) {
        Timer.Sample sample = metrics.startRun();
        Outcome outcome;
        String detail = null;
        log.info("Import run {} ({}) started from {}", run.id(), run.trigger(), run.source());
        ImportPace pace = ImportPace.forImportOf(
                dataVersions.current().map(v -> v.version() > 0).orElse(false));
        try (SupportSource source = sources.open()) {
            source.reportProgressTo(progress -> report(run.id(), progress));
            Optional<SupportSource> tips = source.tipsFirst();
            if (tips.isPresent()) {
                serveTipsFirst(run.id(), tips.get());
            }
            enter(run.id(), PHASE_FETCH, null);
            pace.start();
            List<BranchResult> results = new ArrayList<>();
            SourceRefs refs = importer.importAll(source, patterns, new Importer.Listener() {
                private int total;

                @Override
                public void fetched(int branches) {
                    total = branches;
                    enter(run.id(), PHASE_BRANCHES, "0 of " + total + " branches");
                    pace.stepDone();
                }

                @Override
                public void branchDone(BranchResult result) {
                    results.add(result);
                    update(
                            run.id(),
                            stored -> { // visible while the run goes on
                                stored.addBranch(result);
                                stored.enter(PHASE_BRANCHES, results.size() + " of " + total + " branches");
                            });
                    pace.stepDone();
                }
            });
            Optional<FixSource> fixes = source.fixes();
            if (fixes.isPresent()) {
                importFixes(run.id(), fixes.get(), refs, results, pace);
            }
            boolean anyFailed = results.stream()
                    .anyMatch(b -> b.outcome() == BranchResult.Outcome.FAILED || b.fixesFailure() != null);
            outcome = anyFailed ? Outcome.PARTIAL : Outcome.SUCCEEDED;
        } catch (IOException e) {
            outcome = Outcome.FAILED;
            detail = e.getMessage();
            log.warn("Import run {} failed: {}", run.id(), detail);
        } catch (RuntimeException e) {
            outcome = Outcome.FAILED;
            detail = "unexpected error: " + e;
            log.error("Import run {} failed", run.id(), e);
        }
        Outcome finalOutcome = outcome;
        String finalDetail = detail;
        ImportRunView finished = update(run.id(), stored -> stored.finish(finalOutcome, finalDetail, Instant.now()));
        metrics.runFinished(sample, outcome);
        refreshDataVersion();
        log.info(
                "Import run {} {} in {} ms: {}",
                finished.id(),
                finished.outcome(),
                finished.durationMillis(),
                summary(finished));
        return finished;
    }

    /**
     * Stores the current file of every release not served yet from the source's branch tips, before
     * the long step (a first clone) that brings the history. Whatever goes wrong here, the full
     * import that follows brings everything, so it is only logged.
     */
    private void serveTipsFirst(long runId, SupportSource tips) {
        enter(runId, PHASE_TIPS, null);
        try (tips) {
            int[] served = {0};
            importer.importTips(tips, patterns, new Importer.Listener() {
                private int read;
                private int total;

                @Override
                public void fetched(int branches) {
                    total = branches;
                }

                @Override
                public void branchDone(BranchResult result) {
                    read++;
                    if (result.outcome() == BranchResult.Outcome.IMPORTED) {
                        served[0]++;
                    }
                    enter(
                            runId,
                            PHASE_TIPS,
                            read + " of " + total + " branch tips read, " + served[0] + " release(s) served from them");
                }
            });
            refreshDataVersion();
            log.info(
                    "Import run {}: serving the current file of {} release(s) from the branch tips; "
                            + "the history follows",
                    runId,
                    served[0]);
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "Import run {}: could not read the branch tips first, the full import brings everything: {}",
                    runId,
                    e.toString());
        }
    }

    /**
     * Each branch's security fixes, after every branch's history: each branch's served as soon as
     * it is stored, resting after each as the branches did.
     */
    private void importFixes(
            long runId, FixSource fixes, SourceRefs refs, List<BranchResult> results, ImportPace pace) {
        long started = System.nanoTime();
        int[] read = {0};
        try (fixes) {
            fixImporter.importAll(fixes, refs, List.copyOf(results), new FixImporter.Listener() {
                private int total;
                private int done;

                @Override
                public void settled(List<BranchResult> settled, int toRead) {
                    total = settled.size() + toRead;
                    done = settled.size();
                    record(settled);
                }

                @Override
                public void branchDone(BranchResult result, boolean changed) {
                    done++;
                    read[0]++;
                    if (changed) {
                        refreshDataVersion(); // served at once, not after the rest
                    }
                    record(List.of(result));
                }

                private void record(List<BranchResult> updated) {
                    for (BranchResult result : updated) {
                        results.replaceAll(r -> r.branch().equals(result.branch()) ? result : r);
                    }
                    update(runId, stored -> {
                        updated.forEach(stored::branchUpdated);
                        stored.enter(PHASE_FIXES, done + " of " + total + " branches");
                    });
                    pace.stepDone();
                }
            });
        }
        log.info(
                "Import run {}: security fixes of {} branch(es) read in {} ms, the others' as they were",
                runId,
                read[0],
                (System.nanoTime() - started) / 1_000_000);
    }

    private void enter(long runId, String phase, String progress) {
        update(runId, stored -> stored.enter(phase, progress));
    }

    /** Called from inside a clone or fetch, which a database that does not answer must not break. */
    private void report(long runId, String progress) {
        try {
            update(runId, stored -> stored.enter(stored.phase(), progress));
        } catch (DataAccessException e) {
            log.debug("Could not record the progress of import run {}: {}", runId, e.getMessage());
        }
    }

    /** So that this instance's answers follow its own import at once, not at the next poll. */
    private void refreshDataVersion() {
        try {
            dataVersions.refresh();
        } catch (DataAccessException e) {
            log.warn("Could not read the data version after import: {}", e.getMessage());
        }
    }

    private ImportRunView update(long runId, Consumer<ImportRun> change) {
        return transaction.execute(status -> {
            ImportRun run = runs.findById(runId).orElseThrow();
            change.accept(run);
            return ImportRunView.of(run);
        });
    }

    private static String summary(ImportRunView run) {
        StringBuilder summary = new StringBuilder();
        for (BranchResult.Outcome outcome : BranchResult.Outcome.values()) {
            long count = run.branches().stream()
                    .filter(b -> b.outcome().equals(Ids.id(outcome)))
                    .count();
            summary.append(summary.isEmpty() ? "" : ", ")
                    .append(count)
                    .append(' ')
                    .append(Ids.id(outcome));
        }
        int revisions = run.branches().stream()
                .mapToInt(ImportRunView.Branch::revisionsImported)
                .sum();
        int fixes = run.branches().stream()
                .map(ImportRunView.Branch::fixesImported)
                .filter(n -> n != null)
                .mapToInt(Integer::intValue)
                .sum();
        return summary.append(" branch(es); ")
                .append(revisions)
                .append(" revision(s) and ")
                .append(fixes)
                .append(" fix commit(s) stored")
                .toString();
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }

    private String describeSource() {
        try (SupportSource source = sources.open()) {
            return source.describe();
        }
    }
}
