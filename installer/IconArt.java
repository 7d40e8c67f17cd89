import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the Gatehouse icon and writes the per-OS formats jpackage wants.
 * Run from installer/:  java IconArt.java   (writes icons/gatehouse{.png,-256.png,.ico,.icns})
 */
public class IconArt {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of("icons");
        Files.createDirectories(dir);
        byte[] png512 = png(draw(512));
        byte[] png256 = png(draw(256));
        Files.write(dir.resolve("gatehouse.png"), png512);
        Files.write(dir.resolve("gatehouse-256.png"), png256);
        writeIco(dir.resolve("gatehouse.ico"), png256);
        writeIcns(dir.resolve("gatehouse.icns"), png256, png512);
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double s = size / 512.0;
        g.setPaint(new GradientPaint(0, 0, new Color(0x4F46E5), size, size, new Color(0x0E7490)));
        g.fill(new RoundRectangle2D.Double(16 * s, 16 * s, 480 * s, 480 * s, 112 * s, 112 * s));

        // A gatehouse: two towers with battlements joined by a wall, an arched gate in the middle.
        Area house = new Area(new Rectangle2D.Double(120 * s, 200 * s, 272 * s, 200 * s));
        house.add(new Area(new Rectangle2D.Double(104 * s, 130 * s, 96 * s, 270 * s)));
        house.add(new Area(new Rectangle2D.Double(312 * s, 130 * s, 96 * s, 270 * s)));
        for (double x : new double[]{104, 312}) {
            house.subtract(new Area(new Rectangle2D.Double((x + 20) * s, 130 * s, 18 * s, 26 * s)));
            house.subtract(new Area(new Rectangle2D.Double((x + 58) * s, 130 * s, 18 * s, 26 * s)));
        }
        Area gate = new Area(new Rectangle2D.Double(206 * s, 290 * s, 100 * s, 110 * s));
        gate.add(new Area(new Ellipse2D.Double(206 * s, 240 * s, 100 * s, 100 * s)));
        house.subtract(gate);
        g.setColor(Color.WHITE);
        g.fill(house);
        // Portcullis bars: the "gate" that keys pass through.
        g.setColor(new Color(255, 255, 255, 150));
        g.setStroke(new BasicStroke((float) (8 * s)));
        for (double x = 228; x <= 288; x += 26) {
            g.drawLine((int) (x * s), (int) (262 * s), (int) (x * s), (int) (400 * s));
        }
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** ICO with one embedded 256×256 PNG (Windows Vista and later read PNG entries). */
    static void writeIco(Path path, byte[] png256) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + png256.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        b.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        b.putShort((short) 1).putShort((short) 32).putInt(png256.length).putInt(6 + 16);
        b.put(png256);
        Files.write(path, b.array());
    }

    /** ICNS with PNG payloads: ic08 (256) and ic09 (512). */
    static void writeIcns(Path path, byte[] png256, byte[] png512) throws IOException {
        int total = 8 + 8 + png256.length + 8 + png512.length;
        try (DataOutputStream out = new DataOutputStream(new FileOutputStream(path.toFile()))) {
            out.writeBytes("icns");
            out.writeInt(total);
            out.writeBytes("ic08");
            out.writeInt(8 + png256.length);
            out.write(png256);
            out.writeBytes("ic09");
            out.writeInt(8 + png512.length);
            out.write(png512);
        }
    }
}
