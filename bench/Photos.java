import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/** Writes {@code count} phone-sized JPEG photos of noise (about 4 MB each, none alike): java bench/Photos.java DIR COUNT. */
public class Photos {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        Random random = new Random(42);
        for (int i = 1; i <= count; i++) {
            BufferedImage image = new BufferedImage(2560, 1920, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 1920; y++) {
                for (int x = 0; x < 2560; x++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            ImageIO.write(image, "jpg", new File(args[0], "photo-" + i + ".jpg"));
        }
    }
}
