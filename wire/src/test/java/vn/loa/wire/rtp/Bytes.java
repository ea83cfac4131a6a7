package vn.loa.wire.rtp;

/** Builds byte arrays from hex written the way packet diagrams are, spaces ignored. */
final class Bytes {

    private Bytes() {
    }

    static byte[] hex(String text) {
        String digits = text.replaceAll("\\s+", "");
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
