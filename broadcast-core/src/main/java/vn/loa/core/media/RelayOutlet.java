package vn.loa.core.media;

/** Where a {@link RelayFeed} hands the audio it decodes: called on the feed's thread. */
interface RelayOutlet {

    void offer(short[] samples);

    /** The relay's window is over. */
    void end();
}
