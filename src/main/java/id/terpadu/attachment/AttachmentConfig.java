package id.terpadu.attachment;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code terpadu.attachments.*}: where the bytes are kept and how much may be sent. */
@ConfigMapping(prefix = "terpadu.attachments")
public interface AttachmentConfig {

    /** {@code file} (the default: below {@link #folder()}) or {@code s3}. */
    @WithDefault("file")
    String store();

    /** The folder of the file store (the service's data folder by default). */
    @WithDefault(".terpadu/files")
    Path folder();

    S3 s3();

    /** The largest file of each kind ({@code FOTO=25M}); kinds not named take {@link #maxSize()}. */
    Map<String, MemorySize> maxSizeByKind();

    /** The largest file of a kind not named in {@link #maxSizeByKind()}, and the upload size tus announces. */
    @WithDefault("200M")
    MemorySize maxSize();

    /** The largest file sent in one request ({@code multipart/form-data}); larger ones go through tus. */
    @WithDefault("8M")
    MemorySize maxSimpleSize();

    /** How many attachments one record may have. */
    @WithDefault("100")
    int maxPerRecord();

    /** How many bytes an agency may upload per day (Western Indonesia Time). */
    @WithDefault("2G")
    MemorySize maxBytesPerAgencyPerDay();

    /** How long an unfinished upload may go on before it and its bytes are removed. */
    @WithDefault("24H")
    Duration uploadExpiry();

    /** Whether the untouched original of a cleaned image is kept (restricted: chain of custody). */
    @WithDefault("false")
    boolean keepOriginals();

    /** The longest side of a thumbnail, in pixels. */
    @WithDefault("320")
    int thumbnailSize();

    /** Downloads from object storage at least this large are redirected to a short-lived presigned URL. */
    @WithDefault("16M")
    MemorySize redirectFrom();

    /** How often thumbnails, expired uploads and removed bytes are seen to. */
    @WithDefault("5s")
    Duration sweepEvery();

    /** How long a presigned URL is valid. */
    @WithDefault("5M")
    Duration presignedFor();

    /** The S3-compatible store. */
    interface S3 {
        /** The endpoint of a non-AWS server ({@code http://127.0.0.1:9000} for MinIO); AWS's own when absent. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("terpadu")
        String bucket();

        /** Path-style addressing ({@code endpoint/bucket/key}), which MinIO, Ceph RGW and Garage expect. */
        @WithDefault("true")
        boolean pathStyle();

        /** The access key; the SDK's default chain (environment, profile, instance role) when absent. */
        Optional<String> accessKey();

        Optional<String> secretKey();

        /** A folder of the bucket for this service's objects. */
        Optional<String> prefix();
    }
}
