package id.terpadu.attachment;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Small JPEG previews of photos, made from the cleaned copy (so a thumbnail carries no metadata either). A large
 * photo is decoded at a fraction of its resolution (subsampling), so a 48-megapixel picture costs a few megabytes of
 * heap, not hundreds; one whose header claims more than {@link #MAX_PIXELS} is not decoded at all.
 */
final class Thumbnails {

    /**
     * The types ImageIO decodes: the JDK's JPEG and PNG, and WebP through TwelveMonkeys' pure-Java reader. HEIC gets no
     * thumbnail: no decoder in Java reads it (the client shows the file itself).
     */
    static final Set<String> MADE_FOR = Set.of("image/jpeg", "image/png", "image/webp");

    static {
        // ImageIO finds plugins on the class path once, through the loader of the thread that first asks; the
        // thread that makes thumbnails may not be the one that loaded the application
        ImageIO.scanForPlugins();
    }
    /** 100 megapixels: larger than any phone's photo, far smaller than a decompression bomb. */
    static final long MAX_PIXELS = 100_000_000L;

    private Thumbnails() {}

    static boolean madeFor(String mediaType) {
        return MADE_FOR.contains(mediaType);
    }

    /** Writes a JPEG whose longer side is at most {@code size} pixels. */
    static void make(InputStream image, int size, OutputStream out) throws IOException {
        BufferedImage source = decode(image, size);
        int width = source.getWidth();
        int height = source.getHeight();
        double scale = Math.min(1.0, (double) size / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE); // transparent parts of a PNG on white, as a viewer shows them
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.setOutput(output);
            writer.write(null, new IIOImage(small, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static BufferedImage decode(InputStream in, int size) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (input == null || !readers.hasNext()) {
                throw new IOException("not an image the JDK reads");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new IOException("an image of " + width + "x" + height + " pixels is not decoded");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.min(width, height) / (2L * size));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
