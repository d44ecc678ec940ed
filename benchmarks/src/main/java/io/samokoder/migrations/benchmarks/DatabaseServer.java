package io.samokoder.migrations.benchmarks;

/** The server the benchmark creates its databases on: PostgreSQL ({@link BenchServer}) or MariaDB ({@link MariaDbServer}). */
interface DatabaseServer {

    /** Which server it is, for the generated DDL and the report. */
    Db db();

    /** Version and origin, for the report. */
    String description();

    /** Creates an empty database, dropped by {@link BenchServer.Database#drop()}. */
    BenchServer.Database create();

    /**
     * Whether the databases it creates leave commits waiting for the disk as the server's settings say, rather
     * than asynchronous for every tool (PostgreSQL; MariaDB's databases always keep the server's).
     */
    default boolean serverCommits() {
        return db() == Db.MARIADB;
    }

    /** The server chosen on the command line. */
    static DatabaseServer connect(Db db, boolean serverCommits) {
        return db == Db.MARIADB ? MariaDbServer.connect() : BenchServer.connect(serverCommits);
    }
}
