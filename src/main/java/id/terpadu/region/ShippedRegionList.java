package id.terpadu.region;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Applies the official region list shipped with the service ({@value #RESOURCE}: 91,599 Kemendagri codes) at start,
 * once per database and list: a new installation can record an incident in any kabupaten/kota without importing
 * anything. The list goes through the import's own checks and upsert ({@link RegionService#load}); it is recorded
 * in {@code region_list} by its SHA-256, so later starts only compare a hash, and a newer list shipped with a newer
 * version is applied like an import (new codes added, names updated, nothing deleted). Instances starting together
 * take turns on a transaction-scoped advisory lock.
 */
@Singleton
public class ShippedRegionList {

    static final String RESOURCE = "regions/wilayah.csv.gz";
    /** The advisory lock's key ("terpadu regions"). */
    private static final long LOCK = 0x7465727061647552L;

    private final RegionService regions;
    private final EntityManager em;

    ShippedRegionList(RegionService regions, EntityManager em) {
        this.regions = regions;
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        apply();
    }

    /** Applies the shipped list unless this database already has it; returns whether it did. */
    boolean apply() {
        String csv = read();
        String sha256 = sha256(csv);
        return QuarkusTransaction.requiringNew().timeout(300).call(() -> {
            // an instance waits for another one's load (lock_timeout covers advisory locks too), and the load's
            // statements may take longer than a request's limits on a slow disk
            em.createNativeQuery("set local lock_timeout = 0").executeUpdate();
            em.createNativeQuery("set local statement_timeout = 0").executeUpdate();
            em.createNativeQuery("select pg_advisory_xact_lock(:key)")
                    .setParameter("key", LOCK)
                    .getSingleResult();
            boolean applied = !em.createNativeQuery("select 1 from region_list where sha256 = :sha")
                    .setParameter("sha", sha256)
                    .getResultList()
                    .isEmpty();
            if (applied) {
                return false;
            }
            long started = System.nanoTime();
            // as an import that retires nothing: an administrator may have imported a newer list than the one shipped
            ImportResult result = regions.load(csv, false);
            em.createNativeQuery("""
                    insert into region_list (sha256, resource, received, inserted, updated)
                    values (:sha, :resource, :received, :inserted, :updated)""")
                    .setParameter("sha", sha256)
                    .setParameter("resource", RESOURCE)
                    .setParameter("received", result.received())
                    .setParameter("inserted", result.inserted())
                    .setParameter("updated", result.updated())
                    .executeUpdate();
            Log.infof(
                    "The official region list (%d codes) was applied to this database in %d ms: %d added, %d renamed",
                    result.received(), (System.nanoTime() - started) / 1_000_000, result.inserted(), result.updated());
            return true;
        });
    }

    static String read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the region list " + RESOURCE + " is missing from the application");
            }
            return new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the region list " + RESOURCE + " cannot be read", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
