package vn.loa.server.announcement;

import vn.loa.server.testing.MemoryDatabase;

/** The store of the server, on Loa's schema in an embedded H2, held to the store contract. */
class JdbiAnnouncementStoreTest extends AnnouncementStoreContract {

    @Override
    AnnouncementStore newStore() {
        MemoryDatabase db = new MemoryDatabase();
        db.zone("xa", null);
        db.zone("thon", "xa");
        db.user("chu-tich", "approver", "xa");
        return new JdbiAnnouncementStore(db.jdbi(), new AnnouncementRepository());
    }
}
