package org.xenproject.supportstatus.store;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface ImportRunRepository extends JpaRepository<ImportRun, Long> {

    List<ImportRun> findByOrderByStartedAtDescIdDesc(Limit limit);

    /** The {@code count} runs started last, newest first. */
    default List<ImportRun> newest(int count) {
        return findByOrderByStartedAtDescIdDesc(Limit.of(count));
    }

    /**
     * Closes runs left 'running' by an instance that stopped mid-run. Only called while holding the
     * import lock, when no run can be in progress anywhere.
     */
    @Transactional
    @Modifying
    @Query(value = """
            update import_run set outcome = 'abandoned', finished_at = now(),
                detail = 'its instance stopped before the run finished'
            where outcome = 'running'""", nativeQuery = true)
    int abandonUnfinished();
}
