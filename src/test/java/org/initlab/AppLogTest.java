package org.initlab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.initlab.cli.Cli;
import org.junit.jupiter.api.Test;

class AppLogTest {
    @Test
    void theUserSeesOneLineTheLogKeepsTheStackTrace() throws Exception {
        long before = Files.exists(AppLog.file()) ? Files.size(AppLog.file()) : 0;
        Cli.run("stats", "--data", "/nonexistent/initlab-data");
        String log = Files.readString(AppLog.file());
        assertTrue(Files.size(AppLog.file()) > before);
        assertTrue(log.contains("initlab stats --data /nonexistent/initlab-data"), log);
        assertTrue(log.contains("DataException") && log.contains("\tat org.initlab.data.Mnist.load"), log);
    }
}
