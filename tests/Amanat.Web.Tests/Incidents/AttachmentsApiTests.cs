using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Amanat.Web.Tests.Incidents;

/// <summary>Evidence files: the original kept exactly and encrypted, copies without metadata, refusals that store nothing.</summary>
public abstract class AttachmentsApiTests(AmanatApp app) : IntegrationTest(app)
{
    private const string Canary = "CANARY-attachment-7f3a91";

    [Fact]
    public async Task APhotoWithGps_KeepsItsOriginalExactly_AndItsCopiesHaveNoMetadata()
    {
        var coordinator = await StaffClient.TokenClientAsync(App, StaffRoles.Coordinator);
        var incident = await IncidentAsync(coordinator);
        var photo = TestFiles.JpegWithExif(64, 32, orientation: 6, description: Canary);

        using var created = await UploadAsync(coordinator, incident, photo, "IMG_0042.jpg");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetGuid();
        var baseUri = $"/api/v1/incidents/{incident}/attachments/{id}";

        using var original = await coordinator.GetAsync(new Uri(baseUri + "/original", UriKind.Relative));
        var originalBytes = await original.Content.ReadAsByteArrayAsync();
        var viewingCopy = await coordinator.GetByteArrayAsync(new Uri(baseUri + "/view", UriKind.Relative));
        var thumbnail = await coordinator.GetByteArrayAsync(new Uri(baseUri + "/thumbnail", UriKind.Relative));

        Assert.Equal(photo, originalBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), view.GetProperty("sha256").GetString());
        Assert.Equal("attachment", original.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("no-store", original.Headers.CacheControl?.ToString());
        foreach (var copy in new[] { viewingCopy, thumbnail })
        {
            Assert.False(TestFiles.HasSegment(copy, 0xE1), "an APP1 (EXIF/XMP) segment is left");
            Assert.Equal(-1, copy.AsSpan().IndexOf("Exif"u8));
            Assert.Equal(-1, copy.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Canary)));
        }

        // Orientation 6 (turned 90°) was applied before the metadata went: the 64×32 photo stands 32×64.
        using (var decoded = SKBitmap.Decode(viewingCopy))
        {
            Assert.Equal((32, 64), (decoded.Width, decoded.Height));
        }

        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(x => x.Type == AuditEventType.AttachmentOriginalDownloaded && x.SubjectId == id)));
        // At rest: only sealed files; neither the canary nor the EXIF header can be found in them.
        var files = Directory.GetFiles(Path.Combine(App.DataDirectory, "attachments"));
        Assert.Equal(3, files.Length);
        foreach (var file in files)
        {
            var raw = await File.ReadAllBytesAsync(file);
            Assert.Equal(-1, raw.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Canary)));
            Assert.Equal(-1, raw.AsSpan().IndexOf("Exif"u8));
        }
    }

    [Fact]
    public async Task OnlyACoordinatorOrTheAssignedLawyer_GetsTheOriginal_AndDeletingRemovesTheFiles()
    {
        var outreach = await StaffClient.TokenClientAsync(App, StaffRoles.Outreach);
        var incident = await IncidentAsync(outreach);
        using var created = await UploadAsync(outreach, incident, TestFiles.JpegWithExif(40, 40, orientation: 1, description: "x"), "a.jpg");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var baseUri = $"/api/v1/incidents/{incident}/attachments/{id}";

        using var denied = await outreach.GetAsync(new Uri(baseUri + "/original", UriKind.Relative));
        using var viewing = await outreach.GetAsync(new Uri(baseUri + "/view", UriKind.Relative));
        using var deleted = await outreach.DeleteAsync(new Uri(baseUri, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viewing.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(Directory.GetFiles(Path.Combine(App.DataDirectory, "attachments")));
        Assert.Equal(0, await App.WithDbAsync(db => db.Attachments.CountAsync()));
    }

    [Fact]
    public async Task AnImageBomb_AndAFileWithALyingName_AreRefused_AndNothingIsStored()
    {
        var coordinator = await StaffClient.TokenClientAsync(App, StaffRoles.Coordinator);
        var incident = await IncidentAsync(coordinator);
        coordinator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var bomb = await UploadAsync(coordinator, incident, TestFiles.PngHeader(30_000, 30_000), "small.png");
        using var lying = await UploadAsync(coordinator, incident, [.. "PK\u0003\u0004 not a photo at all"u8], "photo.jpg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bomb.StatusCode);
        Assert.Contains("too large in pixels", await bomb.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, lying.StatusCode);
        Assert.Contains("content decides", await lying.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Attachments.CountAsync()));
        Assert.False(Directory.Exists(Path.Combine(App.DataDirectory, "attachments")) && Directory.GetFiles(Path.Combine(App.DataDirectory, "attachments")).Length > 0);
    }

    private static async Task<Guid> IncidentAsync(HttpClient client)
    {
        var day = TestClock.UtcNow.AddDays(-4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var content = new StringContent($$"""{ "occurredOn": "{{day}}", "cityCode": "ALA", "unnamedPeople": 1, "violations": ["CL-PHY"] }""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/incidents", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid incident, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        return client.PostAsync(new Uri($"/api/v1/incidents/{incident}/attachments", UriKind.Relative), form);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : AttachmentsApiTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : AttachmentsApiTests(app);
}
