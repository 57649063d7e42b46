using Amanat.Core.Attachments;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Features.Attachments;
using Amanat.Web.Infrastructure;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Attachments;

/// <summary>
/// An incident's evidence files: add a photo or document from the phone, see the metadata-free copies,
/// download the original (coordinator or assigned lawyer, audited through the API), delete. Works with
/// JavaScript off; the file is read in memory and never written anywhere in the clear.
/// </summary>
[RequirePermission(Permission.ReadRecords)]
internal sealed class AttachmentsModel(AmanatDbContext db, AttachmentRecorder recorder, DisplayTimeZone zone, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>What was just done, for the notice: <c>added</c> or <c>deleted</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public Incident Incident { get; private set; } = null!;

    public IReadOnlyList<Attachment> Files { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();

    public string CityLabel { get; private set; } = string.Empty;

    public AttachmentOptions Limits => recorder.Limits;

    public bool MayDownloadOriginal => AttachmentAccess.MayDownloadOriginal(User.RequiredUserId(), User.Roles(), Incident);

    public bool MayDelete(Attachment attachment) => AttachmentAccess.MayDelete(User.RequiredUserId(), User.Roles(), attachment);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Note is { Length: > Attachment.MaxNoteLength })
        {
            ModelState.AddModelError(nameof(Note), localizer["Rule.TooLong"]);
        }

        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), localizer["Attachment.Error.Missing"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var stream = Upload!.OpenReadStream();
        var (attachment, refusal) = await recorder.AddAsync(Incident, stream, Upload.Length, Upload.FileName, Note, User.RequiredUserId(), HttpContext.RequestAborted);
        if (refusal is not null)
        {
            ModelState.AddModelError(nameof(Upload), localizer[refusal.MessageKey]);
            Response.StatusCode = refusal.Status;
            return Page();
        }

        return Redirect($"/staff/incidents/{Id}/attachments?done=added#file-{attachment!.Id:N}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid attachmentId)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var attachment = await db.Attachments.SingleOrDefaultAsync(x => x.Id == attachmentId && x.IncidentId == Id);
        if (attachment is null)
        {
            return NotFound();
        }

        if (!MayDelete(attachment))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await recorder.DeleteAsync(attachment, User.RequiredUserId());
        return Redirect($"/staff/incidents/{Id}/attachments?done=deleted");
    }

    public string Time(DateTime utc) => zone.ToLocal(utc).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    public string Date(DateOnly date) => date.ToString("d", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>A size as people read it: "340 KB", "4.2 MB".</summary>
    public static string Size(long bytes, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        return bytes < 1024 * 1024
            ? localizer["Size.KB", Math.Max(1, (bytes + 512) / 1024).ToString("N0", culture)]
            : localizer["Size.MB", (bytes / (1024d * 1024d)).ToString("0.#", culture)];
    }

    private async Task<bool> LoadAsync()
    {
        var incident = await db.Incidents.AsNoTracking().VisibleTo(User.RequiredUserId(), User.Roles()).SingleOrDefaultAsync(x => x.Id == Id);
        if (incident is null)
        {
            return false;
        }

        Incident = incident;
        Files = await db.Attachments.AsNoTracking().Where(x => x.IncidentId == Id).OrderBy(x => x.UploadedAtUtc).ThenBy(x => x.Id).ToListAsync();
        var uploaders = Files.Select(f => f.UploadedById).Distinct().ToList();
        StaffNames = await db.Users.AsNoTracking().Where(u => uploaders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? string.Empty);
        var vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(x => x.Kind == VocabularyKind.City && x.Code == incident.CityCode).ToListAsync());
        CityLabel = vocabulary.Label(VocabularyKind.City, incident.CityCode, Localization.Languages.Current.Code);
        return true;
    }
}
