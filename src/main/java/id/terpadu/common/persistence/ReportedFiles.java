package id.terpadu.common.persistence;

import java.util.UUID;

import id.terpadu.common.security.Classification;

/**
 * The files a community report was sent with (implemented in the attachment package, so that the report's own package
 * depends on no attachment): how many arrived, and their move to the record the report becomes.
 */
public interface ReportedFiles {

    /** How many files sent with this report arrived whole, wherever they are now (the reporter's count). */
    int received(UUID reportId);

    /**
     * Moves the available files of a report to the record it became, in the caller's transaction: they take the
     * record's region and at least its classification, and each move is a change of the file in the change log.
     * Uploads still under way stay with the report. Returns how many moved.
     */
    int handOver(UUID reportId, String recordType, UUID recordId, String regionCode, Classification least);
}
