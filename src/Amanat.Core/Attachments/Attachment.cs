using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Attachments;

/// <summary>
/// A photo or document kept as evidence for an incident. The original is kept byte for byte (its SHA-256
/// and upload time recorded for a lawyer); images also get a viewing copy and a thumbnail, re-encoded
/// without any metadata. All three files are encrypted under the incident's key; the file name as uploaded
/// and the hash are encrypted fields. Only sizes, type and dates are in the clear.
/// </summary>
public sealed class Attachment : Entity, IEncryptedRecord
{
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 1000;

    private Attachment()
    {
    }

    public Attachment(Guid incidentId, FileType type, long originalBytes, string sha256, string? uploadedName, string? note, Guid uploadedById, DateTime nowUtc)
    {
        if (type == FileType.Unknown)
        {
            throw new DomainException("Attachment.Error.Type");
        }

        IncidentId = incidentId;
        Type = type;
        OriginalBytes = originalBytes;
        Sha256 = sha256;
        UploadedName = Trim(uploadedName, MaxNameLength);
        Note = Trim(note, MaxNoteLength);
        UploadedById = uploadedById;
        UploadedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public Guid IncidentId { get; private set; }

    public FileType Type { get; private set; }

    public long OriginalBytes { get; private set; }

    /// <summary>SHA-256 of the original, lowercase hex (encrypted).</summary>
    public string? Sha256 { get; private set; }

    /// <summary>The file name as it came from the phone (encrypted; it may hold a name).</summary>
    public string? UploadedName { get; private set; }

    public string? Note { get; private set; }

    public Guid UploadedById { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>Pixel size of the viewing copy; null when there is none (PDFs, images that could not be decoded).</summary>
    public int? ViewWidth { get; private set; }

    public int? ViewHeight { get; private set; }

    public bool HasViewingCopy => ViewWidth is not null;

    public Guid KeyOwnerId => IncidentId;

    public void SetViewingCopy(int width, int height)
    {
        ViewWidth = width;
        ViewHeight = height;
    }

    private static string? Trim(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length > max ? trimmed[..max] : trimmed;
    }
}
