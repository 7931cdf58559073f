package dev.vaporform.platform.errors;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells "the database cannot be reached" (an outage: 503, try again) from a bug (500). PostgreSQL
 * connection errors have SQLSTATE class 08; 57P01–57P03 are an administrator or crash shutdown
 * and "cannot connect now" (starting up).
 */
final class DatabaseFailures {

    private DatabaseFailures() {}

    static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    static final String CODE = "database-unavailable";
    static final String TITLE = "Service unavailable";
    static final String DETAIL = "The database cannot be reached right now. Nothing was changed; try again in a few seconds.";
    static final String RETRY_AFTER_SECONDS = "5";
}
