package vn.loa.server.device;

import java.util.function.Function;

/**
 * What a {@link DeviceRegistry} needs to know of a kind of device: its names in messages and audit, and how to read a
 * device's id, zone and description.
 *
 * @param noun      what a Vietnamese message calls one ("loa", "bảng tin")
 * @param auditName the prefix of its audit actions and targets ("node", "board")
 */
public record DeviceKind<T>(String noun, String auditName, Function<T, String> id, Function<T, String> zone,
        Function<T, String> describe) {
}
