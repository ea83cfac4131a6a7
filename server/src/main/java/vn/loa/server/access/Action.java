package vn.loa.server.access;

/** Something a role may be allowed to do; reading within one's own unit needs no action. */
public enum Action {
    /** Write notices and send them for approval. */
    COMPOSE,
    /** Approve or reject submitted notices; send emergencies without approval. */
    APPROVE,
    /** Put an approved notice on air. */
    BROADCAST,
    /** Speak live (LIVE priority). */
    SPEAK_LIVE,
    /** Register and change loudspeaker nodes and display boards. */
    MANAGE_DEVICES,
    /** Add units and speaker groups to the zone tree. */
    MANAGE_ZONES,
    /** Create users and read the audit log. */
    MANAGE_USERS
}
