package id.terpadu.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.TimeZone;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mp4.Mp4Directory;

import id.terpadu.conflictstatus.ConflictStatusService;

/**
 * Where and when a photo or video was taken, as its file says (EXIF GPS and original time; the QuickTime and MP4
 * creation time). Kept as restricted fields of the attachment, read only by those who may see the parent's personal
 * data; the copies the service serves carry none of it.
 *
 * @param latitude  WGS 84, or null
 * @param longitude WGS 84, or null
 * @param takenAt   when it was taken, or null
 */
record FileCapture(Double latitude, Double longitude, Instant takenAt) {

    static final FileCapture NONE = new FileCapture(null, null, null);

    /** What the file says, or {@link #NONE} when it says nothing or cannot be read (a capture is never required). */
    static FileCapture read(InputStream in) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(in);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return NONE;
        }
        Double latitude = null;
        Double longitude = null;
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            GeoLocation place = gps.getGeoLocation();
            if (place != null
                    && !place.isZero()
                    && Math.abs(place.getLatitude()) <= 90
                    && Math.abs(place.getLongitude()) <= 180) {
                latitude = place.getLatitude();
                longitude = place.getLongitude();
                break;
            }
        }
        return new FileCapture(latitude, longitude, takenAt(metadata).orElse(null));
    }

    private static Optional<Instant> takenAt(Metadata metadata) {
        for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            // without an offset in the file, the time is read as Western Indonesia Time (UTC+7)
            java.util.Date date = exif.getDateOriginal(TimeZone.getTimeZone(ConflictStatusService.ZONE));
            if (date != null) {
                return Optional.of(date.toInstant());
            }
        }
        for (QuickTimeDirectory movie : metadata.getDirectoriesOfType(QuickTimeDirectory.class)) {
            java.util.Date date = movie.getDate(QuickTimeDirectory.TAG_CREATION_TIME);
            if (date != null && date.getTime() > 0) {
                return Optional.of(date.toInstant());
            }
        }
        for (Mp4Directory movie : metadata.getDirectoriesOfType(Mp4Directory.class)) {
            java.util.Date date = movie.getDate(Mp4Directory.TAG_CREATION_TIME);
            if (date != null && date.getTime() > 0) {
                return Optional.of(date.toInstant());
            }
        }
        return Optional.empty();
    }

    boolean isEmpty() {
        return latitude == null && takenAt == null;
    }
}
