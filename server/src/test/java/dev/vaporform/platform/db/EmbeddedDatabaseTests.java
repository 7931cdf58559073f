package dev.vaporform.platform.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps its data across restarts — including when running as root, where
 * initdb and pg_ctl go through a user namespace — and recovers from an orphaned server left
 * behind by a killed process.
 */
class EmbeddedDatabaseTests {

    @Test
    void keepsDataAcrossRestarts(@TempDir Path home) throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(home)) {
            execute(first, "create table notes (text text); insert into notes values ('kept')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(home)) {
            assertThat(queryOne(second, "select text from notes")).isEqualTo("kept");
        }
        assertThat(Files.exists(home.resolve("pg/data/PG_VERSION"))).isTrue();
    }

    @Test
    void commitsReturnOnlyOnceTheyAreOnDisk(@TempDir Path home) throws Exception {
        // An acknowledged edit is a committed row: with synchronous_commit off a crash could lose it.
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
            assertThat(queryOne(db, "show synchronous_commit")).isEqualTo("on");
            assertThat(queryOne(db, "show fsync")).isEqualTo("on");
            assertThat(queryOne(db, "show full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void startsOverAnOrphanedServerLeftByAKilledProcess(@TempDir Path home) throws Exception {
        // A child JVM starts the database and is killed with SIGKILL: its postgres lives on.
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(), home.toString())
                .redirectErrorStream(true).start();
        var output = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
        String line;
        do {
            line = output.readLine();
        } while (line != null && !line.equals("READY"));
        assertThat(line).as("the child started its database").isEqualTo("READY");
        child.destroyForcibly().waitFor();
        assertThat(Files.exists(home.resolve("pg/data/postmaster.pid"))).as("the orphan still holds the data").isTrue();

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(home)) {
            assertThat(queryOne(restarted, "select text from notes")).isEqualTo("committed before the kill");
        }
    }

    @Test
    void dataDirectoriesShareBinariesUnpackedOnceElsewhere(@TempDir Path first, @TempDir Path second, @TempDir Path binaries)
            throws Exception {
        // A child JVM each: zonky remembers unpacked binaries per process, which would hide the setting.
        for (Path home : new Path[] {first, second}) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SharedBinariesUser.class.getName(), home.toString(),
                    binaries.toString()).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes());
            assertThat(child.waitFor()).as(output).isZero();
            assertThat(output).contains("STARTED");
            assertThat(home.resolve("pg/data/PG_VERSION")).exists();
            assertThat(home.resolve("pg/bin")).as("nothing unpacked under the data directory").doesNotExist();
        }
        try (var unpacked = Files.list(binaries)) {
            assertThat(unpacked.filter(dir -> Files.isExecutable(dir.resolve("bin/postgres"))).count())
                    .as("one set of binaries").isEqualTo(1);
        }
    }

    /** Entry point of a child JVM: starts the database on the given home and binaries, and stops it. */
    public static final class SharedBinariesUser {
        public static void main(String[] args) throws Exception {
            try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), Path.of(args[1]))) {
                if ("1".equals(queryOne(db, "select 1"))) System.out.println("STARTED");
            }
        }
    }

    /** Entry point of the child JVM: starts the database, commits a row, says READY, waits to be killed. */
    public static final class OrphanMaker {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]));
            execute(db, "create table notes (text text); insert into notes values ('committed before the kill')");
            System.out.print("READY\n");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    static void execute(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            c.createStatement().execute(sql);
        }
    }

    static String queryOne(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
