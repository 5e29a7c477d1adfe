package id.terpadu.attachment;

/** Where an attachment stands: its bytes still arriving, kept and served, or refused once they all arrived. */
public enum AttachmentStatus {
    UPLOADING,
    AVAILABLE,
    REJECTED
}
