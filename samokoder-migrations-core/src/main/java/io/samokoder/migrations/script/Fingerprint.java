package io.samokoder.migrations.script;

/**
 * A 128-bit non-cryptographic hash of a sequence of strings and numbers, fast to start and to
 * feed: two 64-bit lanes, each value mixed in with the SplitMix64 finalizer. Strings are prefixed
 * by their length, so {@code ("ab", "c")} and {@code ("a", "bc")} differ. It detects changes; it is
 * no defence against someone who crafts a collision (whoever can do that can edit the scripts).
 */
final class Fingerprint {

    private long a = 0x243F6A8885A308D3L;
    private long b = 0x13198A2E03707344L;

    void add(long value) {
        this.a = mix(this.a ^ value) + 0x9E3779B97F4A7C15L;
        this.b = mix(this.b + value * 0xC2B2AE3D27D4EB4FL) ^ this.a;
    }

    void add(String value) {
        add(value.length());
        int n = value.length();
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            add((long) value.charAt(i) | (long) value.charAt(i + 1) << 16 | (long) value.charAt(i + 2) << 32
                    | (long) value.charAt(i + 3) << 48);
        }
        long tail = 0;
        for (int shift = 0; i < n; i++, shift += 16) {
            tail |= (long) value.charAt(i) << shift;
        }
        add(tail);
    }

    /** 32 lower-case hex digits. */
    String hex() {
        return hex(mix(this.a)) + hex(mix(this.b ^ 0x452821E638D01377L));
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0000000000000000".substring(digits.length()) + digits;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
