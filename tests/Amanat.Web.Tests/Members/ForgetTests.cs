using System.Net;
using System.Text;
using Amanat.Core.Auditing;
using Amanat.Core.Incidents;
using Amanat.Core.Staff;
using Amanat.Web.Infrastructure;
using Amanat.Web.Tests.Incidents;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Members;

/// <summary>
/// "Forget me": a coordinator forgets a member at her request. Her key and rows are gone, the incident and
/// the services stay counted without her, and — on SQLite — neither her canaries, nor her values'
/// ciphertexts, nor her blind indexes, nor her wrapped key are anywhere in the database files after the
/// checkpoint (secure_delete overwrote them).
/// </summary>
public abstract class ForgetTests(AmanatApp app) : IntegrationTest(app)
{
    private const string Name = "cnryforgetname";

    [Fact]
    public async Task ForgettingAMember_DestroysHerKeyAndRows_CountsStay_AndNothingOfHersIsLeftInTheFiles()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var incident = await Situations.RecordAsync(outreach, Situations.DocumentCheck(App.Today.AddDays(-4), Name));
        var id = await App.WithDbAsync(db => db.Members.Select(m => m.Id).SingleAsync());
        using var edited = await outreach.PostFormAsync($"/staff/members/{id}/edit", new()
        {
            ["Input.WorkingName"] = Name, ["Input.ContactChannel"] = "Telegram", ["Input.Contact"] = "@cnry_forget_contact", ["Input.Notes"] = "cnry-forget-notes",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        using var service = await outreach.PostFormAsync($"/staff/members/{id}", new() { ["Service.Code"] = "PSY", ["Service.Provider"] = "cnry-forget-provider" }, $"/staff/members/{id}?handler=Service");
        using var forHer = await outreach.PostFormAsync($"/staff/incidents/{incident}", new() { ["Service.Code"] = "MED-GYN", ["Service.Note"] = "cnry-forget-service-note", ["ForMemberId"] = id.ToString() }, $"/staff/incidents/{incident}?handler=Response");
        var stay = $"/staff/members/{id}/stay";
        using var taken = await outreach.PostFormAsync(stay, new() { ["typeCode"] = "PASSPORT", ["whereabouts"] = "POLICE", ["since"] = App.Today.AddDays(-4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, stay + "?handler=Document");
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var before = await CountsAsync();
        var traces = await TracesAsync(id);
        Assert.Contains(Name, await coordinator.Http.GetStringAsync(new Uri($"/staff/members/{id}/forget", UriKind.Relative)), StringComparison.Ordinal);

        using var unticked = await coordinator.PostFormAsync($"/staff/members/{id}/forget?lang=kk", new(), $"/staff/members/{id}/forget?lang=kk");
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("Ол сұрағанын және мұны қайтару мүмкін емес екенін белгілеңіз.", await unticked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.Members.CountAsync()));
        using var forbidden = await outreach.PostFormAsync($"/staff/members/{id}", new() { ["Confirmed"] = "true" }, $"/staff/members/{id}/forget");
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Members.CountAsync()));

        using var forgotten = await coordinator.PostFormAsync($"/staff/members/{id}/forget", new() { ["Confirmed"] = "true" });

        Assert.Equal("/staff/members?forgotten=true", forgotten.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Http.GetAsync(new Uri($"/staff/members/{id}", UriKind.Relative))).StatusCode);
        Assert.False(await App.WithDbAsync(db => db.RecordKeys.AnyAsync(k => k.OwnerId == id)));
        Assert.Equal((0, 0, 0), await App.WithDbAsync(async db => (await db.Members.CountAsync(), await db.DocumentRecords.CountAsync(), await db.MemberShares.CountAsync(s => s.MemberId == id))));
        Assert.Equal(before, await CountsAsync()); // services, referrals, people in incidents, statistics facts: all still counted
        var services = await App.WithDbAsync(db => db.ServiceRecords.ToListAsync());
        Assert.All(services, s => Assert.Null(s.MemberId));
        Assert.All(services, s => Assert.Null(s.Note));
        Assert.All(await App.WithDbAsync(db => db.Set<AffectedPerson>().ToListAsync()), p => Assert.Null(p.MemberId));
        Assert.Contains("Отдел у вокзала", await outreach.Http.GetStringAsync(new Uri($"/staff/incidents/{incident}", UriKind.Relative)), StringComparison.Ordinal);
        var audit = await App.WithDbAsync(db => db.Set<AuditEvent>().SingleAsync(e => e.Type == AuditEventType.MemberForgotten));
        Assert.Equal((id, coordinator.User.Id), (audit.SubjectId, audit.ActorId));

        if (App.Provider == DatabaseProvider.Sqlite)
        {
            var files = await App.CopyDatabaseFilesAsync();
            Assert.True(files.Sum(f => f.Length) > 100_000, "the database files were read");
            foreach (var trace in traces)
            {
                Assert.DoesNotContain(files, f => f.AsSpan().IndexOf(trace) >= 0);
            }
        }
    }

    [Fact]
    public async Task ForgettingIsForCoordinators_AndAnUnknownMemberIsNotFound()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        await Situations.RecordAsync(outreach, Situations.DocumentCheck(App.Today.AddDays(-4)));
        var id = await App.WithDbAsync(db => db.Members.Select(m => m.Id).SingleAsync());
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);

        var outreachPage = await outreach.Http.GetAsync(new Uri($"/staff/members/{id}/forget", UriKind.Relative));
        var unknown = await coordinator.Http.GetAsync(new Uri($"/staff/members/{Guid.NewGuid()}/forget", UriKind.Relative));
        var details = await coordinator.Http.GetStringAsync(new Uri($"/staff/members/{id}?lang=ru", UriKind.Relative));
        var hers = await outreach.Http.GetStringAsync(new Uri($"/staff/members/{id}?lang=ru", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, outreachPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains($"/staff/members/{id}/forget", details, StringComparison.Ordinal);
        Assert.DoesNotContain($"/staff/members/{id}/forget", hers, StringComparison.Ordinal);
    }

    private Task<(int Services, int Referrals, int People, int Facts)> CountsAsync() =>
        App.WithDbAsync(async db => (await db.ServiceRecords.CountAsync(), await db.Referrals.CountAsync(), await db.Set<AffectedPerson>().CountAsync(), await db.IncidentFacts.CountAsync()));

    /// <summary>Everything of hers the files held: canaries, stored ciphertexts, blind indexes, her wrapped key.</summary>
    private async Task<List<byte[]>> TracesAsync(Guid id)
    {
        var traces = new List<byte[]> { Encoding.UTF8.GetBytes(Name), "cnry_forget_contact"u8.ToArray(), "cnry-forget-notes"u8.ToArray() };
        traces.Add(await App.WithDbAsync(db => db.RecordKeys.Where(k => k.OwnerId == id).Select(k => k.WrappedKey).SingleAsync()));
        foreach (var column in new[] { "WorkingName", "Contact", "Notes", "WorkingNameIndex" })
        {
            var value = await App.ScalarAsync(App.Provider == DatabaseProvider.Postgres
                ? $"SELECT \"{column}\" FROM \"Members\""
                : $"SELECT {column} FROM Members");
            traces.Add(value switch
            {
                string text => Encoding.UTF8.GetBytes(text),
                byte[] bytes => bytes,
                _ => throw new InvalidOperationException($"{column} was not stored."),
            });
        }

        return traces;
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : ForgetTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : ForgetTests(app);
}
