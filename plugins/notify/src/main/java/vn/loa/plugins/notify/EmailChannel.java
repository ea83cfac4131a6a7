package vn.loa.plugins.notify;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import vn.loa.plugin.AiredNotice;

/** Sends a notice by SMTP (Jakarta Mail) to a fixed list of addresses, in UTF-8. */
final class EmailChannel implements Channel {

    /**
     * @param starttls upgrade the connection with STARTTLS (required then)
     */
    record Config(String host, int port, String username, String password, String from, List<String> to,
            boolean starttls, int timeoutMillis) {
    }

    private final Config config;
    private final Session session;

    EmailChannel(Config config) {
        this.config = config;
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", String.valueOf(config.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(config.timeoutMillis()));
        p.put("mail.smtp.timeout", String.valueOf(config.timeoutMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(config.timeoutMillis()));
        p.put("mail.smtp.auth", String.valueOf(!config.username().isEmpty()));
        p.put("mail.smtp.starttls.enable", String.valueOf(config.starttls()));
        p.put("mail.smtp.starttls.required", String.valueOf(config.starttls()));
        this.session = Session.getInstance(p);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void send(AiredNotice notice) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(config.from(), "Loa", "UTF-8"));
        for (String to : config.to()) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        m.setSubject(NoticeText.subject(notice), "UTF-8");
        m.setText(NoticeText.body(notice), "UTF-8");
        m.setHeader("X-Loa-Announcement", String.valueOf(notice.id()));
        if (config.username().isEmpty()) {
            Transport.send(m);
        } else {
            Transport.send(m, config.username(), config.password());
        }
    }
}
