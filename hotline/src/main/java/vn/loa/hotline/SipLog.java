package vn.loa.hotline;

import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's log, sent to slf4j as {@code vn.loa.hotline.sip}: warnings and errors only, each cut to 300 characters,
 * so that a malformed or oversized message is logged as one readable line rather than a dump of its bytes. The stack
 * creates it by name (property {@code gov.nist.javax.sip.STACK_LOGGER}).
 */
public final class SipLog implements gov.nist.core.StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger("vn.loa.hotline.sip");
    private static final int MAX = 300;

    private static String cut(String s) {
        return s == null || s.length() <= MAX ? s : s.substring(0, MAX) + "... (" + s.length() + " chars)";
    }

    @Override
    public void logStackTrace() {
    }

    @Override
    public void logStackTrace(int traceLevel) {
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.warn("SIP stack: {}", cut(String.valueOf(ex)));
    }

    @Override
    public void logDebug(String message) {
    }

    @Override
    public void logDebug(String message, Exception ex) {
    }

    @Override
    public void logTrace(String message) {
    }

    @Override
    public void logFatalError(String message) {
        LOG.error("SIP stack: {}", cut(message));
    }

    @Override
    public void logError(String message) {
        LOG.warn("SIP stack: {}", cut(message));
    }

    @Override
    public boolean isLoggingEnabled() {
        return true;
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        return logLevel <= TRACE_WARN;
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.warn("SIP stack: {}: {}", cut(message), cut(String.valueOf(ex)));
    }

    @Override
    public void logWarning(String message) {
        String lower = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("tls") || lower.contains("keystore") || lower.contains("truststore")) {
            return; // Loa uses no SIP over TLS; the stack warns about its missing key store at every start
        }
        LOG.warn("SIP stack: {}", cut(message));
    }

    @Override
    public void logInfo(String message) {
    }

    @Override
    public void disableLogging() {
    }

    @Override
    public void enableLogging() {
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
    }

    @Override
    public String getLoggerName() {
        return "vn.loa.hotline.sip";
    }
}
