package org.xenproject.supportstatus.store;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** One import of all branches: when, why, how it ended, and what became of each branch. */
@Entity
@Table(name = "import_run")
public class ImportRun {

    public enum Trigger {
        STARTUP,
        SCHEDULE,
        ADMIN
    }

    public enum Outcome {
        RUNNING,
        /** every branch imported, unchanged or skipped */
        SUCCEEDED,
        /** some branches failed; the others were imported */
        PARTIAL,
        /** the source could not be reached, or the run broke off */
        FAILED,
        /** another instance was importing */
        SKIPPED,
        /** its instance stopped before it finished */
        ABANDONED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Convert(converter = Ids.TriggerColumn.class)
    @Column(nullable = false)
    private Trigger trigger;

    @Convert(converter = Ids.OutcomeColumn.class)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(nullable = false)
    private String source;

    private String detail;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** What the run is doing: 'tips', 'fetch', 'branches' or 'fixes'; null once it finished. */
    private String phase;

    /** The latest progress the run reported in its phase. */
    private String progress;

    // Always shown with the run; loaded for many runs in one query rather than one query per run.
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "import_branch_result", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "ordinal")
    private List<BranchResult> branches = new ArrayList<>();

    protected ImportRun() {
        // for JPA
    }

    public ImportRun(Trigger trigger, String source, Instant startedAt) {
        this.trigger = trigger;
        this.source = source;
        this.startedAt = startedAt;
        this.outcome = Outcome.RUNNING;
    }

    public void addBranch(BranchResult result) {
        branches.add(result);
    }

    /** Replaces the result of {@code result}'s branch, once the run read the branch's security fixes. */
    public void branchUpdated(BranchResult result) {
        for (int i = 0; i < branches.size(); i++) {
            if (branches.get(i).branch().equals(result.branch())) {
                branches.set(i, result);
                return;
            }
        }
        throw new IllegalArgumentException("no result for branch " + result.branch() + " in import run " + id);
    }

    public void enter(String phase, String progress) {
        this.phase = phase;
        this.progress = progress;
    }

    public void finish(Outcome outcome, String detail, Instant finishedAt) {
        this.phase = null;
        this.progress = null;
        this.outcome = outcome;
        this.detail = detail;
        this.finishedAt = finishedAt;
    }

    public Long id() {
        return id;
    }

    public Trigger trigger() {
        return trigger;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String source() {
        return source;
    }

    public String detail() {
        return detail;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String phase() {
        return phase;
    }

    public String progress() {
        return progress;
    }

    public List<BranchResult> branches() {
        return List.copyOf(branches);
    }
}
