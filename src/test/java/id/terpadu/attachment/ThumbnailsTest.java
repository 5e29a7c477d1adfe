package id.terpadu.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    static BufferedImage thumbnail(byte[] image, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thumbnails.make(new ByteArrayInputStream(image), size, out);
        byte[] jpeg = out.toByteArray();
        assertThat(jpeg).startsWith(0xFF, 0xD8);
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    @Test
    void aLandscapePhotoKeepsItsShapeWithinTheSize() throws IOException {
        BufferedImage small = thumbnail(Samples.image("jpg", 4000, 3000), 320);
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);
    }

    @Test
    void aPortraitPngToo() throws IOException {
        BufferedImage small = thumbnail(Samples.image("png", 600, 1200), 320);
        assertThat(small.getWidth()).isEqualTo(160);
        assertThat(small.getHeight()).isEqualTo(320);
    }

    @Test
    void aWebpPhotoFromAPhonesBrowserToo() throws IOException {
        byte[] webp;
        try (var in = ThumbnailsTest.class.getResourceAsStream("/samples/photo-640x480.webp")) {
            webp = in.readAllBytes();
        }
        assertThat(Thumbnails.madeFor(new MediaDetector().detect(() -> new ByteArrayInputStream(webp))))
                .isTrue();
        BufferedImage small = thumbnail(webp, 320);
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);
        // the picture, not a blank: yellow on the left, red on the right, blue in the middle
        assertThat(new java.awt.Color(small.getRGB(10, 120)).getGreen()).isGreaterThan(180);
        assertThat(new java.awt.Color(small.getRGB(310, 10)).getRed()).isGreaterThan(160);
        assertThat(new java.awt.Color(small.getRGB(160, 120)).getBlue()).isGreaterThan(160);
    }

    @Test
    void aSmallImageIsNotEnlarged() throws IOException {
        BufferedImage small = thumbnail(Samples.image("jpg", 64, 48), 320);
        assertThat(small.getWidth()).isEqualTo(64);
        assertThat(small.getHeight()).isEqualTo(48);
    }

    @Test
    void aThumbnailOfAPhotoWithMetadataHasNone() throws Exception {
        byte[] cleaned = MetadataStripperTest.strip("image/jpeg", MetadataStripperTest.jpegWithEverything());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thumbnails.make(new ByteArrayInputStream(cleaned), 320, out);
        MetadataStripperTest.assertNothingIdentifying(MetadataStripperTest.tags(out.toByteArray()));
    }

    @Test
    void aDecompressionBombIsNotDecoded() {
        // a PNG header claiming 20000 x 20000 pixels (400 megapixels), whatever follows it
        byte[] png = Samples.png();
        java.nio.ByteBuffer.wrap(png).putInt(16, 20_000).putInt(20, 20_000);
        assertThatThrownBy(() -> thumbnail(png, 320))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("20000");
        assertThatThrownBy(() -> thumbnail(Samples.pdf(), 320)).isInstanceOf(IOException.class);
    }
}
