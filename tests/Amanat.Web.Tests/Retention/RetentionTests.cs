using System.Net;
using Amanat.Core.Auditing;
using Amanat.Core.Community;
using Amanat.Core.Incidents;
using Amanat.Core.Retention;
using Amanat.Core.Staff;
using Amanat.Web.Infrastructure;
using Amanat.Web.Tests.Incidents;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Retention;

/// <summary>
/// Retention: an administrator sets a period per kind of data (bad input shown back in her language, nothing
/// stored), and a run deletes exactly what is older — stories of closed incidents, their evidence files,
/// members with no contact, unreviewed self-reports, quiet bot chats, audit detail — while what is newer
/// stays; each kind's deletions are audited with their count, and the audit chain still verifies.
/// </summary>
public abstract class RetentionTests(AmanatApp app) : IntegrationTest(app)
{
    private const string Report = """{"what":["DETAINED"],"who":"POL","cityCode":"ALA","contactChannel":"NotToBeContacted","consents":["STATS"]}""";

    [Fact]
    public async Task Periods_AreSet_BadInputIsShownBack_AndNothingIsStored()
    {
        var admin = await StaffClient.SignInNewAsync(App, StaffRoles.Admin);
        var page = await admin.Http.GetStringAsync(new Uri("/staff/admin/retention?lang=ru", UriKind.Relative));
        Assert.Contains("name=\"Input[UnreviewedSelfReports]\" value=\"180\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input[Narratives]\" value=\"0\"", page, StringComparison.Ordinal);

        using var bad = await admin.PostFormAsync("/staff/admin/retention?lang=ru", Periods(narratives: "десять", auditDetail: "7"));

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var shown = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Напишите 0 (хранить) или число дней от 30 до 36500.", shown, StringComparison.Ordinal);
        Assert.Contains("value=\"десять\"", shown, StringComparison.Ordinal);
        Assert.Empty(await App.WithDbAsync(db => db.RetentionPolicies.ToListAsync()));

        using var saved = await admin.PostFormAsync("/staff/admin/retention", Periods());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var policies = await App.WithDbAsync(db => db.RetentionPolicies.OrderBy(p => p.Kind).ToListAsync());
        Assert.Equal([30, 60, 90, 30, 30, 30], policies.Select(p => p.Days));
        var changes = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Where(e => e.Type == AuditEventType.RetentionChanged).Select(e => e.Value).ToListAsync());
        Assert.Equal(6, changes.Count);
        Assert.Contains(((long)RetentionKind.InactiveMembers * 100_000) + 90, changes);
    }

    [Fact]
    public async Task TheRun_DeletesWhatIsDue_KeepsWhatIsNewer_AuditsTheCounts_AndTheChainStillVerifies()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var old = await Situations.RecordAsync(outreach, Situations.LeavingAPimp(App.Today.AddDays(-10)));
        using var upload = await Incidents.AttachmentsPageTests.UploadAsync(outreach, old, TestFiles.JpegWithExif(40, 30, orientation: 1, description: "IMG"), "photo.jpg", "cnry-retention-note");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        using var anonymous = App.Client();
        using var oldReport = await anonymous.PostJsonAsync("/api/v1/public/reports", Report);
        await App.WithDbAsync(async db =>
        {
            db.BotChats.Add(new BotChat(4242, new byte[32], App.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        var oldMembers = await App.WithDbAsync(db => db.Members.Select(m => m.Id).ToListAsync());
        Assert.Equal(2, oldMembers.Count);

        App.Clock.Advance(TimeSpan.FromDays(100));
        outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var recent = await Situations.RecordAsync(outreach, Situations.LeavingAPimp(App.Today.AddDays(-2)));
        using var newReport = await anonymous.PostJsonAsync("/api/v1/public/reports", Report);
        var admin = await StaffClient.SignInNewAsync(App, StaffRoles.Admin);
        using var saved = await admin.PostFormAsync("/staff/admin/retention", Periods());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var ran = await admin.PostFormAsync("/staff/admin/retention?lang=en", [], "/staff/admin/retention?handler=Run");
        var result = await admin.Http.GetStringAsync(new Uri("/staff/admin/retention?lang=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, ran.StatusCode);
        Assert.Contains("Retention ran.", result, StringComparison.Ordinal);
        Assert.Contains("Members with no contact (days since the last): 2", result, StringComparison.Ordinal);
        var incidents = await App.WithDbAsync(db => db.Incidents.Include(i => i.Perpetrators).ToDictionaryAsync(i => i.Id));
        Assert.False(incidents[old].HasStory);
        Assert.Equal("Ножевые ранения у обеих", incidents[recent].Injuries);
        Assert.All(await App.WithDbAsync(db => db.IncidentRevisions.Where(r => r.IncidentId == old).ToListAsync()), r => Assert.Null(r.Changes));
        Assert.Empty(await App.WithDbAsync(db => db.Attachments.ToListAsync()));
        Assert.Empty(Directory.Exists(Path.Combine(App.DataDirectory, "attachments")) ? Directory.GetFiles(Path.Combine(App.DataDirectory, "attachments"), "*", SearchOption.AllDirectories) : []);
        Assert.Equal(1, await App.WithDbAsync(db => db.SelfReports.CountAsync()));
        Assert.Empty(await App.WithDbAsync(db => db.BotChats.ToListAsync()));
        var members = await App.WithDbAsync(db => db.Members.Select(m => m.Id).ToListAsync());
        Assert.Equal(2, members.Count);
        Assert.Empty(members.Intersect(oldMembers));
        Assert.False(await App.WithDbAsync(db => db.RecordKeys.AnyAsync(k => oldMembers.Contains(k.OwnerId))));
        Assert.Equal(2, await App.WithDbAsync(db => db.IncidentFacts.CountAsync())); // both still counted

        var audit = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(e => e.Sequence).ToListAsync());
        var counts = audit.Where(e => e.Type is >= AuditEventType.NarrativesExpired and <= AuditEventType.AuditDetailExpired).ToDictionary(e => e.Type, e => e.Value);
        Assert.Equal(1, counts[AuditEventType.NarrativesExpired]);
        Assert.Equal(1, counts[AuditEventType.AttachmentsExpired]);
        Assert.Equal(2, counts[AuditEventType.InactiveMembersForgotten]);
        Assert.Equal(1, counts[AuditEventType.SelfReportsExpired]);
        Assert.Equal(1, counts[AuditEventType.BotChatsExpired]);
        Assert.True(counts[AuditEventType.AuditDetailExpired] > 3);
        var before = audit.Where(e => e.AtUtc < App.Clock.GetUtcNow().UtcDateTime.AddDays(-30)).ToList();
        Assert.NotEmpty(before);
        Assert.All(before, e => Assert.True(e.DetailRemoved && e.ActorId is null && e.SubjectId is null && e.Network is null));
        Assert.Contains(audit, e => !e.DetailRemoved && e.ActorId == admin.User.Id);

        await using var scope = App.Services.CreateAsyncScope();
        var verified = await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
        Assert.True(verified.IsIntact, verified.Break.ToString());
        Assert.Equal(before.Count, verified.DetailsRemoved);
        using var verifiedPage = await admin.PostFormAsync("/staff/admin/audit?lang=en", [], "/staff/admin/audit?handler=Verify&lang=en");
        Assert.Contains($"{before.Count} of them had who, what and from where removed by retention.", await verifiedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The detail of a kept entry is still covered: changing who acted breaks the chain.
        var kept = audit.Last(e => e.ActorId == admin.User.Id);
        await App.ScalarAsync(App.Provider == DatabaseProvider.Postgres
            ? $"UPDATE \"AuditEvents\" SET \"ActorId\" = '{outreach.User.Id}' WHERE \"Sequence\" = {kept.Sequence}"
            : $"UPDATE AuditEvents SET ActorId = '{outreach.User.Id.ToString().ToUpperInvariant()}' WHERE Sequence = {kept.Sequence}");
        var altered = await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
        Assert.Equal((AuditBreak.Altered, kept.Sequence), (altered.Break, altered.BrokenAt));
    }

    private static Dictionary<string, string> Periods(string narratives = "30", string auditDetail = "30") => new()
    {
        ["Input[Narratives]"] = narratives,
        ["Input[Attachments]"] = "60",
        ["Input[InactiveMembers]"] = "90",
        ["Input[UnreviewedSelfReports]"] = "30",
        ["Input[BotChats]"] = "30",
        ["Input[AuditDetail]"] = auditDetail,
    };

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : RetentionTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : RetentionTests(app);
}
