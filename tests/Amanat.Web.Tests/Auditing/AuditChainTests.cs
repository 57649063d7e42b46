using System.Net;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Auditing;

/// <summary>
/// The audit trail records security events without content, and any change to it made directly in the
/// database — an altered entry, a deleted one, a cut-off tail, a rewritten head — shows on verification.
/// </summary>
public abstract class AuditChainTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task SecurityEvents_AreRecorded_InOrder_WithoutNamesOrSecrets()
    {
        var admin = await StaffClient.SignInNewAsync(App, StaffRoles.Admin, "audit-canary-name");
        using var http = App.Client();
        await StaffClient.PostFormAsync(http, "/staff/signin", new() { ["Input.UserName"] = "audit-canary-name", ["Input.Password"] = "audit-canary-wrong-password" });
        await admin.PostFormAsync("/staff/signout", []);

        var events = await EventsAsync();
        Assert.Equal(
            [AuditEventType.UserCreated, AuditEventType.TwoFactorEnrolled, AuditEventType.SignedIn, AuditEventType.SignInFailed, AuditEventType.SignedOut],
            events.Select(x => x.Type));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(x => (long)x), events.Select(x => x.Sequence));
        Assert.All(events, e => Assert.Equal(admin.User.Id, e.SubjectId ?? e.ActorId));
        Assert.Equal(AuditOrigin.Web, events[2].Origin);
        var stored = await App.ScalarAsync(App.Provider == Amanat.Web.Infrastructure.DatabaseProvider.Postgres
            ? "SELECT string_agg(t::text, '|') FROM \"AuditEvents\" t"
            : "SELECT group_concat(Sequence || Type || coalesce(Network, '') || coalesce(Value, ''), '|') FROM AuditEvents");
        Assert.DoesNotContain("canary", Convert.ToString(stored, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntactChain_Verifies_OnTheAuditPage()
    {
        var admin = await StaffClient.SignInNewAsync(App, StaffRoles.Admin);

        using var verified = await admin.PostFormAsync("/staff/admin/audit?lang=en", [], "/staff/admin/audit?handler=Verify&lang=en");

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var html = await verified.Content.ReadAsStringAsync();
        Assert.Contains("The chain is intact: 3 entries verified.", html, StringComparison.Ordinal);
        Assert.Contains("Authenticator app set up", html, StringComparison.Ordinal);
        Assert.Equal(AuditEventType.AuditVerified, (await EventsAsync())[^1].Type);
    }

    [Fact]
    public async Task AlteredEntry_IsDetected()
    {
        await SeedAsync();
        await SqlAsync("UPDATE \"AuditEvents\" SET \"Type\" = 1100 WHERE \"Sequence\" = 2");

        var result = await VerifyAsync();

        Assert.Equal(AuditBreak.Altered, result.Break);
        Assert.Equal(2, result.BrokenAt);
        Assert.Equal(1, result.Verified);
    }

    [Fact]
    public async Task AlteredTime_IsDetected()
    {
        await SeedAsync();
        await SqlAsync(App.Provider == Amanat.Web.Infrastructure.DatabaseProvider.Postgres
            ? "UPDATE \"AuditEvents\" SET \"AtUtc\" = \"AtUtc\" - interval '1 day' WHERE \"Sequence\" = 3"
            : "UPDATE AuditEvents SET AtUtc = '2020-01-01 00:00:00' WHERE Sequence = 3");

        Assert.Equal(AuditBreak.Altered, (await VerifyAsync()).Break);
    }

    [Fact]
    public async Task DeletedEntry_IsDetected()
    {
        await SeedAsync();
        await SqlAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 2");

        var result = await VerifyAsync();

        Assert.Equal(AuditBreak.Missing, result.Break);
        Assert.Equal(2, result.BrokenAt);
    }

    [Fact]
    public async Task DeletedAndRenumbered_IsDetected()
    {
        await SeedAsync();
        await SqlAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 2");
        await SqlAsync("UPDATE \"AuditEvents\" SET \"Sequence\" = \"Sequence\" - 1 WHERE \"Sequence\" > 2");

        Assert.Equal(AuditBreak.Altered, (await VerifyAsync()).Break);
    }

    [Fact]
    public async Task CutOffTail_IsDetected()
    {
        var count = await SeedAsync();
        await SqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" > {count - 2}");

        var result = await VerifyAsync();

        Assert.Equal(AuditBreak.Truncated, result.Break);
        Assert.Equal(count - 2, result.Verified);
    }

    [Fact]
    public async Task EverythingDeleted_IsDetected()
    {
        await SeedAsync();
        await SqlAsync("DELETE FROM \"AuditEvents\"");

        Assert.Equal(AuditBreak.Truncated, (await VerifyAsync()).Break);
    }

    [Fact]
    public async Task CutOffTailWithTheHeadRewound_IsDetectedAgainstTheNotedHead()
    {
        var count = await SeedAsync();
        var noted = (await App.WithDbAsync(db => db.Set<AuditHead>().AsNoTracking().SingleAsync())).Fingerprint;
        await SqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = {count}");
        await SqlAsync($"UPDATE \"AuditHeads\" SET \"Sequence\" = {count - 1}, \"Mac\" = (SELECT \"Mac\" FROM \"AuditEvents\" WHERE \"Sequence\" = {count - 1})");

        // The database alone now looks consistent: the head written down earlier is what shows the cut.
        Assert.True((await VerifyAsync()).IsIntact);
        Assert.NotEqual(noted, (await App.WithDbAsync(db => db.Set<AuditHead>().AsNoTracking().SingleAsync())).Fingerprint);
    }

    [Theory]
    [InlineData("203.0.113.77", "203.0.0.0/16")]
    [InlineData("::ffff:198.51.100.9", "198.51.0.0/16")]
    [InlineData("2001:db8:85a3::8a2e:370:7334", "2001:0db8::/32")]
    [InlineData("127.0.0.1", "local")]
    public void Origin_IsOnlyACoarseNetwork(string address, string expected) =>
        Assert.Equal(expected, Amanat.Web.Auditing.AuditTrail.CoarseNetwork(IPAddress.Parse(address)));

    private async Task<int> SeedAsync()
    {
        await StaffClient.SignInNewAsync(App, StaffRoles.Admin);
        await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        return (await EventsAsync()).Count;
    }

    private Task<List<AuditEvent>> EventsAsync() =>
        App.WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().OrderBy(x => x.Sequence).ToListAsync());

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
    }

    private Task<int> SqlAsync(string sql) => App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : AuditChainTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : AuditChainTests(app);
}
