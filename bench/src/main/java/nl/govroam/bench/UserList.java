package nl.govroam.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Users to log in as: one per line, {@code name password} separated by white space (a tab or a space); blank lines
 * and lines starting with # are skipped. Names are the outer User-Name, e.g. {@code u00042@bench.example}.
 */
record UserList(byte[][] names, byte[][] passwords) {

    static UserList read(Path file) throws IOException {
        List<byte[]> names = new ArrayList<>();
        List<byte[]> passwords = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(file + ": a line without a password: " + parts[0]);
            }
            names.add(parts[0].getBytes(StandardCharsets.UTF_8));
            passwords.add(parts[1].getBytes(StandardCharsets.UTF_8));
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(file + ": no users");
        }
        return new UserList(names.toArray(byte[][]::new), passwords.toArray(byte[][]::new));
    }

    static UserList single(String name, String password) {
        return new UserList(new byte[][] {RadiusWire.utf8(name)}, new byte[][] {RadiusWire.utf8(password)});
    }

    int size() {
        return names.length;
    }
}
