package dev.erasmo.examples;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Connections to the database of a JDBC URL, a new one for each call, through the driver that
 * takes the URL: enough for one command of the app (a server application would use a pool, such
 * as HikariCP). A password in the URL never shows in a message.
 *
 * <p>Thread-safe.
 */
final class UrlDataSource implements DataSource {

    private final String url;

    UrlDataSource(String url) {
        this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new SQLException(masked(message, url), e.getSQLState() != null ? e.getSQLState() : "08001", e.getErrorCode());
        }
    }

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(?:password|pwd)=([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@:?]*:([^/@?]*)@");

    /**
     * A driver's message with every password of the URL taken out, wherever the driver put it
     * ({@code password=VALUE} parameters and {@code //user:VALUE@host}), and the same forms
     * masked where any remain.
     *
     * @param message the message
     * @param url the URL the driver was given
     * @return the message without the passwords
     */
    static String masked(String message, String url) {
        String out = message;
        for (Pattern p : List.of(PASSWORD_PARAMETER, USER_INFO)) {
            Matcher m = p.matcher(url);
            while (m.find()) {
                if (!m.group(1).isEmpty()) {
                    out = out.replace(m.group(1), "***");
                }
            }
        }
        return out.replaceAll("(?i)((?:password|pwd)=)[^&;\\s]*", "$1***").replaceAll("(//[^/:@\\s]+:)[^@/\\s]*@", "$1***@");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        throw new UnsupportedOperationException("set the driver's log writer with DriverManager");
    }

    @Override
    public void setLoginTimeout(int seconds) {
        throw new UnsupportedOperationException("give the login timeout in the JDBC URL");
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
