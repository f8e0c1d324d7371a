package org.initlab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.initlab.cli.Cli;
import org.junit.jupiter.api.Test;

class AppLogTest {
    @Test
    void theUserSeesOneLineTheLogKeepsTheStackTrace() throws Exception {
        String missing = "/nonexistent/initlab-data-" + System.nanoTime(); // this run's entry, whatever the log held (it may have just rotated)
        Cli.run("stats", "--data", missing);
        String log = Files.readString(AppLog.file());
        assertTrue(log.contains("initlab stats --data " + missing), log);
        assertTrue(log.contains("DataException") && log.contains("\tat org.initlab.data.Mnist.load"), log);
    }

    /** A screenshot that waits too long leaves what every thread was doing in the log. */
    @Test
    void threadDumpGoesToTheLog() throws Exception {
        Thread.currentThread().setName("app-log-test-thread");
        AppLog.threads("waited too long");
        String log = Files.readString(AppLog.file());
        assertTrue(log.contains("waited too long\n"), log);
        assertTrue(log.contains("\"app-log-test-thread\" RUNNABLE\n\tat ") && log.contains("AppLogTest.threadDumpGoesToTheLog"), log);
    }
}
