package org.initlab.data;

import java.nio.file.Path;

/** Bad data: the message is one sentence naming the file and what is wrong with it. */
public final class DataException extends Exception {
    public DataException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public DataException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
