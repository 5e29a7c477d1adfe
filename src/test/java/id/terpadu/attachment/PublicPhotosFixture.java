package id.terpadu.attachment;

/** A photo with its place in its metadata, for tests outside this package. */
public final class PublicPhotosFixture {

    private PublicPhotosFixture() {}

    /** A JPEG with EXIF GPS (Pariaman), a camera serial and an owner. */
    public static byte[] jpegWithPlace() throws Exception {
        return MetadataStripperTest.jpegWithEverything();
    }
}
