package vn.loa.wire.srtp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The master key and master salt of one SRTP session in the AES_CM_128_HMAC_SHA1_80 suite (RFC 3711 §8.2): 16 and
 * 14 random bytes that a zone stream's sender and the node agents of the zone share.
 *
 * <p>Immutable: the arrays are copied in and out. It travels as its SDES inline form (RFC 4568 §6.1) over the
 * authenticated control channel and in an SDP {@link CryptoAttribute}. {@link #toString()} hides the key material,
 * so a key never reaches a log by accident.
 */
public record SrtpMasterKey(byte[] key, byte[] salt) {

    /** The one crypto suite Loa offers: AES in counter mode, 128-bit key, HMAC-SHA1 tag of 80 bits. */
    public static final String SUITE = "AES_CM_128_HMAC_SHA1_80";
    public static final int KEY_LENGTH = 16;
    public static final int SALT_LENGTH = 14;

    private static final String INLINE = "inline:";
    private static final SecureRandom RANDOM = new SecureRandom();

    public SrtpMasterKey {
        if (key == null || key.length != KEY_LENGTH || salt == null || salt.length != SALT_LENGTH) {
            throw new MalformedSrtpKeyException(SUITE + " needs a 16-byte master key and a 14-byte master salt");
        }
        key = key.clone();
        salt = salt.clone();
    }

    /** A fresh key and salt from the platform's strong random source; one per zone stream. */
    public static SrtpMasterKey generate() {
        return generate(RANDOM);
    }

    public static SrtpMasterKey generate(SecureRandom random) {
        byte[] key = new byte[KEY_LENGTH];
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(key);
        random.nextBytes(salt);
        return new SrtpMasterKey(key, salt);
    }

    /**
     * Reads the SDES key parameter {@code inline:<base64 of key || salt>} (RFC 4568 §6.1). A key lifetime after
     * {@code |} is accepted and ignored, since Loa gives every zone stream a fresh key; a master key identifier (MKI) is
     * refused because Loa's packets carry none.
     */
    public static SrtpMasterKey parseInline(String keyParameter) {
        if (keyParameter == null || !keyParameter.startsWith(INLINE)) {
            throw new MalformedSrtpKeyException("an SDES key must start with 'inline:'");
        }
        String[] parts = keyParameter.substring(INLINE.length()).split("\\|", -1);
        if (parts.length > 2 || (parts.length == 2 && parts[1].contains(":"))) {
            throw new MalformedSrtpKeyException("an SDES key with a master key identifier (MKI) is not supported");
        }
        byte[] keyAndSalt;
        try {
            keyAndSalt = Base64.getDecoder().decode(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new MalformedSrtpKeyException("the SDES key is not base64: " + e.getMessage());
        }
        if (keyAndSalt.length != KEY_LENGTH + SALT_LENGTH) {
            throw new MalformedSrtpKeyException("the SDES key holds " + keyAndSalt.length + " bytes, "
                    + SUITE + " needs 30 (16 key + 14 salt)");
        }
        return new SrtpMasterKey(Arrays.copyOf(keyAndSalt, KEY_LENGTH),
                Arrays.copyOfRange(keyAndSalt, KEY_LENGTH, keyAndSalt.length));
    }

    /** The SDES key parameter, {@code inline:} and 40 base64 characters, for the control channel or SDP. */
    public String inline() {
        return INLINE + Base64.getEncoder().encodeToString(keyAndSalt());
    }

    /** Key followed by salt, 30 bytes: the form GStreamer's {@code srtp-key} and libsrtp take. */
    public byte[] keyAndSalt() {
        byte[] both = Arrays.copyOf(key, KEY_LENGTH + SALT_LENGTH);
        System.arraycopy(salt, 0, both, KEY_LENGTH, SALT_LENGTH);
        return both;
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpMasterKey other && Arrays.equals(key, other.key) && Arrays.equals(salt, other.salt);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "SrtpMasterKey[" + SUITE + ", hidden]";
    }
}
