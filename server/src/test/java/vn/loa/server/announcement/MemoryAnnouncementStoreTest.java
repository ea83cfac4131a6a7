package vn.loa.server.announcement;

import java.util.Map;

/** The store unit tests use, held to the same contract as the server's. */
class MemoryAnnouncementStoreTest extends AnnouncementStoreContract {

    @Override
    AnnouncementStore newStore() {
        return new MemoryAnnouncementStore(Map.of("xa", "/xa/", "thon", "/xa/thon/"));
    }
}
