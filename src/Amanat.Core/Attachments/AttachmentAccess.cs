using Amanat.Core.Incidents;
using Amanat.Core.Staff;

namespace Amanat.Core.Attachments;

/// <summary>
/// Who may do what with an evidence file of an incident she can already read (the roles table of
/// <c>security.md</c>): everyone who reads the incident sees the metadata-free viewing copy; the original
/// goes only to a coordinator or the lawyer assigned to the incident; a file is deleted by a coordinator
/// or by whoever uploaded it.
/// </summary>
public static class AttachmentAccess
{
    public static bool MayDownloadOriginal(Guid userId, StaffRoles roles, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return roles.HasFlag(StaffRoles.Coordinator) || (roles.HasFlag(StaffRoles.Lawyer) && incident.AssignedLawyerId == userId);
    }

    public static bool MayDelete(Guid userId, StaffRoles roles, Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return roles.HasFlag(StaffRoles.Coordinator) || attachment.UploadedById == userId;
    }
}
