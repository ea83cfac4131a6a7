package vn.loa.core.model;

/** The progress of an announcement at one node, as far as the server knows. */
public enum DeliveryState {
    PENDING, SENT, RECEIVED, PLAYED, FAILED
}
