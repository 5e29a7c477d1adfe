package id.terpadu.attachment.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Keeps each key as an object of one bucket of an S3-compatible store (MinIO, Ceph RGW, Garage or a cloud), through
 * the AWS SDK v2 with the JDK's HTTP client.
 *
 * <p>Two settings make non-AWS servers accept it: path-style addressing ({@code endpoint/bucket/key}, no bucket
 * sub-domain), and checksums only where an operation requires one (the SDK's newer default adds CRC trailers in
 * {@code aws-chunked} bodies that several of those servers refuse). A write whose length is unknown (an upload still
 * arriving) is first spooled to a temporary file, so the heap holds no more than a copy buffer; a single object is
 * at most 5 GiB, far above any attachment limit.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    /** How to reach the bucket. */
    public record Settings(
            Optional<URI> endpoint,
            String region,
            String bucket,
            boolean pathStyle,
            Optional<String> accessKey,
            Optional<String> secretKey,
            Optional<String> prefix,
            Path spool) {}

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String prefix;
    private final Path spool;

    public S3BlobStore(Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        settings.accessKey().get(), settings.secretKey().orElse("")))
                : DefaultCredentialsProvider.builder().build();
        S3Configuration service = S3Configuration.builder()
                .pathStyleAccessEnabled(settings.pathStyle())
                .build();
        var client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(service)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presign = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(service);
        settings.endpoint().ifPresent(uri -> {
            client.endpointOverride(uri);
            presign.endpointOverride(uri);
        });
        this.s3 = client.build();
        this.presigner = presign.build();
        this.bucket = settings.bucket();
        this.prefix = settings.prefix().map(p -> BlobStore.checked(p) + "/").orElse("");
        this.spool = settings.spool();
    }

    @Override
    public long write(String key, InputStream in, boolean keepPartial) throws IOException {
        object(key); // a key the store would not keep is refused before anything is read
        Files.createDirectories(spool);
        Path temporary = Files.createTempFile(spool, "upload-", ".tmp");
        try {
            Copying.Copied copied;
            try (OutputStream out = Files.newOutputStream(temporary)) {
                copied = Copying.copy(in, out);
            }
            IOException failure = copied.failure();
            long written = copied.bytes();
            if (failure != null && !keepPartial) {
                throw failure;
            }
            put(key, temporary);
            if (failure != null) {
                throw new IncompleteWrite(written, failure);
            }
            return written;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void put(String key, Path file) throws IOException {
        String object = object(key);
        try {
            s3.putObject(b -> b.bucket(bucket).key(object), RequestBody.fromFile(file));
        } catch (S3Exception e) {
            throw new IOException("storing " + key + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The bytes are in the bucket, not on this disk. */
    @Override
    public boolean take(String key, Path target) {
        return false;
    }

    @Override
    public Path scratch() throws IOException {
        return Files.createDirectories(spool);
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(bucket).key(object(key));
        if (offset > 0 || length > 0) {
            request.range("bytes=" + offset + "-" + (length > 0 ? Long.toString(offset + length - 1) : ""));
        }
        try {
            return s3.getObject(request.build());
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return InputStream.nullInputStream(); // a range starting at the end: nothing to read
            }
            throw new IOException("reading " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public OptionalLong size(String key) throws IOException {
        try {
            return OptionalLong.of(
                    s3.headObject(b -> b.bucket(bucket).key(object(key))).contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw new IOException("reading the size of " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(object(key)));
        } catch (S3Exception e) {
            throw new IOException("removing " + key + ": " + e.getMessage(), e);
        }
    }

    /** Object by object: the pieces of one upload are few, and a batch delete needs a checksum not every server takes. */
    @Override
    public void deleteAll(String prefixKey) throws IOException {
        String folder = object(prefixKey) + "/";
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(folder))
                    .contents()) {
                s3.deleteObject(b -> b.bucket(bucket).key(o.key()));
            }
        } catch (S3Exception e) {
            throw new IOException("removing " + prefixKey + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<URI> presignedRead(String key, Duration ttl, String mediaType, String contentDisposition) {
        var request = GetObjectRequest.builder()
                .bucket(bucket)
                .key(object(key))
                .responseContentType(mediaType)
                .responseContentDisposition(contentDisposition)
                .build();
        try {
            return Optional.of(presigner
                    .presignGetObject(b -> b.signatureDuration(ttl).getObjectRequest(request))
                    .url()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void check() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            throw new IOException("the bucket " + bucket + " does not exist", e);
        } catch (S3Exception e) {
            throw new IOException("the bucket " + bucket + " cannot be reached: " + e.getMessage(), e);
        }
    }

    /** Creates the bucket when it is missing (development servers and tests; production buckets are made by hand). */
    public void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    private String object(String key) {
        return prefix + BlobStore.checked(key);
    }
}
