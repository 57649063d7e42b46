using System.Net;
using System.Text;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Incidents;

/// <summary>Evidence files through the incident's pages, as a phone with JavaScript off would use them.</summary>
public abstract class AttachmentsPageTests(AmanatApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Day = DateOnly.FromDateTime(TestClock.UtcNow.AddDays(-5));

    [Fact]
    public async Task Outreach_AddsAPhotoFromTheForm_SeesItsCleanCopy_ButNotTheOriginal()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var id = await Situations.RecordAsync(outreach, Situations.DocumentCheck(Day));
        var photo = TestFiles.JpegWithExif(120, 80, orientation: 1, description: "IMG");

        using var added = await UploadAsync(outreach, id, photo, "IMG_0042.jpg", "синяк на левой руке");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.StartsWith($"/staff/incidents/{id}/attachments?done=added#file-", added.Headers.Location?.ToString(), StringComparison.Ordinal);
        var attachment = await App.WithDbAsync(db => db.Attachments.SingleAsync());
        var page = await outreach.Http.GetStringAsync(new Uri($"/staff/incidents/{id}/attachments?lang=ru&done=added", UriKind.Relative));
        Assert.Contains("Файл добавлен.", page, StringComparison.Ordinal);
        Assert.Contains("синяк на левой руке", page, StringComparison.Ordinal);
        Assert.Contains("IMG_0042.jpg", page, StringComparison.Ordinal);
        Assert.Contains(attachment.Sha256!, page, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/incidents/{id}/attachments/{attachment.Id}/thumbnail", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/original", page, StringComparison.Ordinal);
        Assert.Contains("Оригиналы может скачать координатор", page, StringComparison.Ordinal);
        Assert.Contains("Удалить навсегда", page, StringComparison.Ordinal); // she uploaded it

        // The thumbnail the page shows is served to her session (cookie), without metadata and not cached.
        using var thumbnail = await outreach.Http.GetAsync(new Uri($"/api/v1/incidents/{id}/attachments/{attachment.Id}/thumbnail", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("no-store", thumbnail.Headers.CacheControl?.ToString());
        Assert.False(TestFiles.HasSegment(await thumbnail.Content.ReadAsByteArrayAsync(), 0xE1));

        var details = await outreach.Http.GetStringAsync(new Uri($"/staff/incidents/{id}?lang=kk", UriKind.Relative));
        Assert.Contains("Дәлел файлдары (1)", details, StringComparison.Ordinal);
        Assert.Contains($"/staff/incidents/{id}/attachments#file-{attachment.Id:N}", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedFiles_ShowALocalizedReason_KeepTheNote_AndStoreNothing()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var id = await Situations.RecordAsync(outreach, Situations.DocumentCheck(Day));

        using var lying = await UploadAsync(outreach, id, [.. "PK\u0003\u0004 not a photo"u8], "photo.jpg", "заметка, которую нельзя потерять", "uz");
        using var bomb = await UploadAsync(outreach, id, TestFiles.PngHeader(30_000, 30_000), "small.png", "вторая заметка", "ru");
        using var none = await UploadAsync(outreach, id, null, null, "третья заметка", "en");
        using var tooLarge = await UploadAsync(outreach, id, new byte[(20 * 1024 * 1024) + 1], "big.jpg", "четвёртая заметка", "kk");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, lying.StatusCode);
        var lyingPage = await lying.Content.ReadAsStringAsync();
        Assert.Contains("Faqat rasmlar (JPEG, PNG, HEIC) va PDF hujjatlarni", lyingPage, StringComparison.Ordinal);
        Assert.Contains("заметка, которую нельзя потерять", lyingPage, StringComparison.Ordinal);
        Assert.Contains("qaytadan tanlang", lyingPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bomb.StatusCode);
        Assert.Contains("слишком большое по числу пикселей", await bomb.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Choose a file to upload.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        var largePage = await tooLarge.Content.ReadAsStringAsync();
        Assert.Contains("четвёртая заметка", largePage, StringComparison.Ordinal);
        Assert.Contains("20 МБ", largePage, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Attachments.CountAsync()));
        Assert.False(Directory.Exists(Path.Combine(App.DataDirectory, "attachments")) && Directory.GetFiles(Path.Combine(App.DataDirectory, "attachments")).Length > 0);
    }

    [Fact]
    public async Task ABodyFarOverTheLimit_IsAClientError_NotAServerError()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var id = await Situations.RecordAsync(outreach, Situations.DocumentCheck(Day));

        using var huge = await UploadAsync(outreach, id, new byte[45 * 1024 * 1024], "huge.jpg", "x", "en");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("too large", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Attachments.CountAsync()));
    }

    [Fact]
    public async Task TheAssignedLawyer_DownloadsTheOriginal_APdfSaysWhyItHasNoCopy_AndACoordinatorDeletes()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var lawyer = await StaffClient.SignInNewAsync(App, StaffRoles.Lawyer);
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var id = await Situations.RecordAsync(outreach, Situations.DocumentCheck(Day));
        using var assigned = await coordinator.PostFormAsync($"/staff/incidents/{id}", new() { ["LawyerId"] = lawyer.User.Id.ToString() }, $"/staff/incidents/{id}?handler=Assign");
        var pdf = TestFiles.Pdf("medical certificate");
        using var added = await UploadAsync(outreach, id, pdf, "справка.pdf", null);
        var attachment = await App.WithDbAsync(db => db.Attachments.SingleAsync());

        var page = await lawyer.Http.GetStringAsync(new Uri($"/staff/incidents/{id}/attachments?lang=en", UriKind.Relative));
        using var original = await lawyer.Http.GetAsync(new Uri($"/api/v1/incidents/{id}/attachments/{attachment.Id}/original", UriKind.Relative));
        using var noCopy = await lawyer.Http.GetAsync(new Uri($"/api/v1/incidents/{id}/attachments/{attachment.Id}/view", UriKind.Relative));

        Assert.Contains("No viewing copy: a PDF can carry hidden details", page, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/incidents/{id}/attachments/{attachment.Id}/original", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Delete for good", page, StringComparison.Ordinal); // neither coordinator nor uploader
        Assert.Equal(pdf, await original.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", original.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", original.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, noCopy.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(x => x.Type == AuditEventType.AttachmentOriginalDownloaded && x.ActorId == lawyer.User.Id)));

        using var lawyerDeletes = await lawyer.PostFormAsync($"/staff/incidents/{id}/attachments", new() { ["attachmentId"] = attachment.Id.ToString() }, $"/staff/incidents/{id}/attachments?handler=Delete");
        Assert.Equal(HttpStatusCode.Forbidden, lawyerDeletes.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Attachments.CountAsync()));

        using var deleted = await coordinator.PostFormAsync($"/staff/incidents/{id}/attachments", new() { ["attachmentId"] = attachment.Id.ToString() }, $"/staff/incidents/{id}/attachments?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Attachments.CountAsync()));
        Assert.Empty(Directory.GetFiles(Path.Combine(App.DataDirectory, "attachments")));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(x => x.Type == AuditEventType.AttachmentDeleted && x.SubjectId == attachment.Id && x.ActorId == coordinator.User.Id)));
    }

    [Fact]
    public async Task AHeicPhoto_IsKeptAsTheOriginalOnly_AndThePageSaysWhy()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var id = await Situations.RecordAsync(outreach, Situations.DocumentCheck(Day));
        // The opening of an iPhone photo: an ISO media "ftyp" box with the HEIC brand (this server cannot decode it).
        byte[] heic = [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[200]];

        using var added = await UploadAsync(outreach, id, heic, "IMG_0043.HEIC", null);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var attachment = await App.WithDbAsync(db => db.Attachments.SingleAsync());
        Assert.Equal(Amanat.Core.Attachments.FileType.Heic, attachment.Type);
        Assert.False(attachment.HasViewingCopy);
        Assert.Single(Directory.GetFiles(Path.Combine(App.DataDirectory, "attachments")));
        var page = await outreach.Http.GetStringAsync(new Uri($"/staff/incidents/{id}/attachments?lang=uz", UriKind.Relative));
        Assert.Contains("bu server HEIC suratlarini oʻgira olmaydi", page, StringComparison.Ordinal);
        Assert.Contains("Surat (HEIC)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoCannotReadTheIncident_CannotSeeNorAddItsFiles()
    {
        var author = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var other = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var id = await Situations.RecordAsync(author, Situations.DocumentCheck(Day));
        var form = await author.Http.GetStringAsync(new Uri($"/staff/incidents/{id}/attachments", UriKind.Relative));

        using var page = await other.Http.GetAsync(new Uri($"/staff/incidents/{id}/attachments", UriKind.Relative));
        using var upload = await PostAsync(other, id, StaffClient.AntiforgeryToken(await other.Http.GetStringAsync(new Uri("/staff/incidents/new", UriKind.Relative))), TestFiles.Pdf("x"), "x.pdf", null, "en");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.Contains("__af", form, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Attachments.CountAsync()));
    }

    /// <summary>GETs the evidence page for its anti-forgery token, then posts the form as a browser does (multipart).</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(StaffClient staff, Guid id, byte[]? file, string? name, string? note, string language = "en")
    {
        var page = await staff.Http.GetStringAsync(new Uri($"/staff/incidents/{id}/attachments", UriKind.Relative));
        return await PostAsync(staff, id, StaffClient.AntiforgeryToken(page), file, name, note, language);
    }

    private static async Task<HttpResponseMessage> PostAsync(StaffClient staff, Guid id, string token, byte[]? file, string? name, string? note, string language)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__af" },
            { new StringContent(note ?? string.Empty, Encoding.UTF8), "Note" },
        };
        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "Upload", name!);
        }

        return await staff.Http.PostAsync(new Uri($"/staff/incidents/{id}/attachments?handler=Upload&lang={language}", UriKind.Relative), form);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : AttachmentsPageTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : AttachmentsPageTests(app);
}
