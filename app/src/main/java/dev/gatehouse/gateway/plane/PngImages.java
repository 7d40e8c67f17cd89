package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.crypto.Sha256;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The demo platform's generated images: a real PNG, deterministic per prompt, size and index (a gradient between two
 * colours taken from their hash), at a sixteenth of the requested width and height so answers stay small. No model
 * runs (issue 12 §1); the bytes decode in any image viewer.
 */
public final class PngImages {
    static final int SCALE = 16;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngImages() {}

    /** {@code size} is "WIDTHxHEIGHT" (a price-card variant); anything else renders a 64×64 image. */
    public static byte[] render(String prompt, String size, int index) {
        int[] wh = dimensions(size);
        byte[] seed = Sha256.of(prompt + "\u0000" + size + "\u0000" + index).getBytes(StandardCharsets.US_ASCII);
        int[] from = {hex(seed, 0), hex(seed, 2), hex(seed, 4)};
        int[] to = {hex(seed, 6), hex(seed, 8), hex(seed, 10)};
        int w = wh[0], h = wh[1];
        byte[] raw = new byte[h * (1 + w * 3)];
        int p = 0;
        for (int y = 0; y < h; y++) {
            raw[p++] = 0; // filter: none
            for (int x = 0; x < w; x++) {
                int t = (x + y) * 255 / Math.max(1, w + h - 2);
                for (int c = 0; c < 3; c++) {
                    raw[p++] = (byte) (from[c] + (to[c] - from[c]) * t / 255);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static int[] dimensions(String size) {
        String[] parts = size == null ? new String[0] : size.split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0]), h = Integer.parseInt(parts[1]);
                if (w > 0 && h > 0 && w <= 8192 && h <= 8192) {
                    return new int[]{Math.max(1, w / SCALE), Math.max(1, h / SCALE)};
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the default
        }
        return new int[]{64, 64};
    }

    private static int hex(byte[] ascii, int i) {
        return Character.digit(ascii[i], 16) * 16 + Character.digit(ascii[i + 1], 16);
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
