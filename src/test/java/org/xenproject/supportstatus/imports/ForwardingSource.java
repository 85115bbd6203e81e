package org.xenproject.supportstatus.imports;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.xenproject.supportstatus.store.KnownBranch;

/** A source that does what {@link #delegate()} does, for a test to change one step of it. */
interface ForwardingSource extends SupportSource {

    SupportSource delegate();

    @Override
    default String describe() {
        return delegate().describe();
    }

    @Override
    default SourceRefs refs() throws IOException {
        return delegate().refs();
    }

    @Override
    default BranchRead read(SourceBranch branch, KnownBranch known) throws BranchFailure {
        return delegate().read(branch, known);
    }

    @Override
    default Optional<SupportSource> tipsFirst() {
        return delegate().tipsFirst();
    }

    @Override
    default Optional<FixSource> fixes() {
        return delegate().fixes();
    }

    @Override
    default void reportProgressTo(Consumer<String> progress) {
        delegate().reportProgressTo(progress);
    }

    @Override
    default void close() {
        delegate().close();
    }
}
