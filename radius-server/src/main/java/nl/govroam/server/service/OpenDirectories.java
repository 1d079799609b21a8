package nl.govroam.server.service;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.govroam.ldap.Directories;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.server.config.DirectoryConfig;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.demo.DemoDirectory;

/**
 * The directories the server has open, by name. On a reload a directory whose settings did not change is kept (its
 * pools and breakers go on), a changed or new one is opened, and one no longer configured is handed back to be
 * closed once the requests still using it have finished. Not thread-safe: the service calls it under its lock.
 */
final class OpenDirectories implements AutoCloseable {

    /** What a snapshot uses now, and what no snapshot will use again. */
    record Update(Map<String, DirectoryAuthenticator> directories, List<DirectoryAuthenticator> retired) {
    }

    private record Opened(DirectoryConfig config, DirectoryAuthenticator authenticator) {
    }

    private final EventLoopGroup group;
    private Map<String, Opened> open = new LinkedHashMap<>();
    private DemoDirectory demo;

    /** @param group where the directories' connections live: the server's I/O thread */
    OpenDirectories(EventLoopGroup group) {
        this.group = group;
    }

    /**
     * Opens what {@code config} names. On failure (e.g. an unreadable CA file) everything opened by this call is
     * closed again and nothing changes.
     */
    Update update(GovroamConfig config) {
        Map<String, Opened> next = new LinkedHashMap<>();
        List<DirectoryAuthenticator> openedNow = new ArrayList<>();
        try {
            for (DirectoryConfig d : config.directories()) {
                Opened old = open.get(d.name());
                if (old != null && old.config().equals(d)) {
                    next.put(d.name(), old);
                    continue;
                }
                DirectoryAuthenticator opened = switch (d) {
                    case DirectoryConfig.Ldap ldap -> Directories.open(ldap.settings(), group);
                    case DirectoryConfig.EmbeddedDemo embedded -> Directories.open(demo().settings(embedded.name()), group);
                };
                openedNow.add(opened);
                next.put(d.name(), new Opened(d, opened));
            }
        } catch (RuntimeException e) {
            openedNow.forEach(DirectoryAuthenticator::close);
            throw e;
        }
        List<DirectoryAuthenticator> retired = new ArrayList<>();
        open.forEach((name, old) -> {
            Opened kept = next.get(name);
            if (kept == null || kept.authenticator() != old.authenticator()) {
                retired.add(old.authenticator());
            }
        });
        open = next;
        Map<String, DirectoryAuthenticator> directories = new LinkedHashMap<>();
        next.forEach((name, o) -> directories.put(name, o.authenticator()));
        return new Update(directories, retired);
    }

    private DemoDirectory demo() {
        if (demo == null) {
            demo = DemoDirectory.start();
        }
        return demo;
    }

    @Override
    public void close() {
        open.values().forEach(o -> o.authenticator().close());
        open = new LinkedHashMap<>();
        if (demo != null) {
            demo.close();
            demo = null;
        }
    }
}
