package vn.loa.plugins.notify;

import vn.loa.plugin.AiredNotice;

/** One place notices go (an SMTP mailbox list, a webhook). Sends one notice, blocking; throws with the reason. */
interface Channel {

    /** The name in the dead-letter list ({@code email}, or the webhook's name). */
    String name();

    void send(AiredNotice notice) throws Exception;
}
