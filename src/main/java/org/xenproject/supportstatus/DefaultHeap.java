package org.xenproject.supportstatus;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * When the JVM was started with no heap setting ({@code java -jar} alone), its largest heap is a
 * quarter of the machine's memory, and it seldom gives back memory it once took. The service keeps
 * at most a bounded amount (README, "Memory"), so it asks the JVM to give back what it does not
 * use: to shrink the heap to at most 30 % free after a collection, and, with G1, to collect when
 * idle for a minute. A heap setting given on the command line, or by JAVA_TOOL_OPTIONS as the image
 * does, is left as it is.
 */
final class DefaultHeap {

    private static final List<String> HEAP_SETTINGS =
            List.of("-Xmx", "-XX:MaxHeapSize", "-XX:MaxRAMPercentage", "-XX:MaxRAM=", "-XX:MaxRAMFraction");

    private DefaultHeap() {}

    /** Whether the JVM was left to its default heap, in which case it is told to give memory back. */
    static boolean giveBackIfUnset() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (arguments.stream().anyMatch(a -> HEAP_SETTINGS.stream().anyMatch(a::startsWith))) {
            return false;
        }
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotspot == null) {
            return false;
        }
        try {
            hotspot.setVMOption("MinHeapFreeRatio", "10");
            hotspot.setVMOption("MaxHeapFreeRatio", "30");
            boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(GarbageCollectorMXBean::getName)
                    .anyMatch(name -> name.startsWith("G1"));
            if (g1) {
                hotspot.setVMOption("G1PeriodicGCInterval", "60000");
            }
            return true;
        } catch (IllegalArgumentException e) {
            // Another JVM, whose options are not these: its own defaults stand.
            return false;
        }
    }
}
