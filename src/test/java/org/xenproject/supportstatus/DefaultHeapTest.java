package org.xenproject.supportstatus;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A JVM left to its default heap is told to give memory back; one given a heap is left alone. */
class DefaultHeapTest {

    private final HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void theDefaultHeapGivesMemoryBackAndAGivenOneIsLeftAlone() {
        boolean given = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAMPercentage"));
        String before = hotspot.getVMOption("MaxHeapFreeRatio").getValue();
        boolean changed = DefaultHeap.giveBackIfUnset();
        assertThat(changed).isEqualTo(!given);
        assertThat(hotspot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(given ? before : "30");
        assertThat(hotspot.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(given ? "40" : "10");
    }
}
