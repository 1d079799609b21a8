package nl.govroam.server.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The event loops the federation's sockets run on: whether the caller is one of them (then it must not wait for
 * anything, not even a socket bind), and timers scheduled on the caller's own loop, so that arming and cancelling a
 * timer wakes no other thread.
 */
final class Loops {
    private final EventLoopGroup group;
    private final EventExecutor[] executors;

    Loops(EventLoopGroup group) {
        this.group = group;
        List<EventExecutor> all = new ArrayList<>();
        group.forEach(all::add);
        this.executors = all.toArray(EventExecutor[]::new);
    }

    EventLoopGroup group() {
        return group;
    }

    /** True on one of the group's threads: a wait there could wait for itself. */
    boolean onLoop() {
        return current() != null;
    }

    /** Runs {@code task} after the delay on the caller's loop when it is one of ours, else on the next loop. */
    ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        EventExecutor here = current();
        return (here != null ? here : group.next()).schedule(task, delay, unit);
    }

    private EventExecutor current() {
        for (EventExecutor e : executors) {
            if (e.inEventLoop()) {
                return e;
            }
        }
        return null;
    }
}
