package dev.postmortem.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that lets the Nth statement execution fail, as a database might mid-transaction
 * (lost connection, disk full). Counts every {@code execute*} call on every statement it hands out.
 */
final class FailingDataSource implements DataSource {

    private final DataSource delegate;
    private final AtomicInteger executed = new AtomicInteger();
    private volatile int failAt = Integer.MAX_VALUE;

    FailingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** From now on, count executions and fail the {@code n}th (1-based). */
    void failOnExecution(int n) {
        executed.set(0);
        failAt = n;
    }

    /** From now on, count executions and fail none. */
    void countOnly() {
        executed.set(0);
        failAt = Integer.MAX_VALUE;
    }

    int executions() {
        return executed.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof CallableStatement statement) {
                return proxy(CallableStatement.class, statement, this::statementCall);
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement, this::statementCall);
            }
            if (result instanceof Statement statement) {
                return proxy(Statement.class, statement, this::statementCall);
            }
            return result;
        });
    }

    private Object statementCall(Object target, Method method, Object[] args) throws Throwable {
        if (method.getName().startsWith("execute") && executed.incrementAndGet() == failAt) {
            throw new SQLException("injected failure at statement execution " + failAt, "08006");
        }
        return invoke(target, method, args);
    }

    private interface Call {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.handle(target, method, args);
        return (T) Proxy.newProxyInstance(FailingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
