using System.Net;
using System.Text.RegularExpressions;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Features.Alerts;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Community;

/// <summary>Access codes: printed once as cards in four languages, kept only as a keyed hash, revoked by the card's number.</summary>
public abstract partial class AccessCodeTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Cards_AreShownOnce_StoredOnlyHashed_AndALostOneIsRevokedByItsNumber()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        using var issued = await outreach.PostFormAsync("/staff/access-codes?lang=ru", new() { ["Count"] = "3" }, "/staff/access-codes?handler=Issue&lang=ru");
        var cards = await issued.Content.ReadAsStringAsync();
        var codes = CardCode().Matches(cards).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, codes.Count);
        Assert.Contains("№ 1", cards, StringComparison.Ordinal);
        Assert.Contains("№ 3", cards, StringComparison.Ordinal);
        Assert.Contains("Никому не давайте", cards, StringComparison.Ordinal);
        Assert.Contains("Ешкімге бермеңіз", cards, StringComparison.Ordinal);
        Assert.Contains("Hech kimga bermang", cards, StringComparison.Ordinal);
        Assert.Contains("Keep it to yourself", cards, StringComparison.Ordinal);

        var list = await outreach.Http.GetStringAsync(new Uri("/staff/access-codes?lang=ru", UriKind.Relative));
        Assert.DoesNotContain(codes[0], list, StringComparison.Ordinal);
        if (App.Provider == Amanat.Web.Infrastructure.DatabaseProvider.Sqlite)
        {
            var raw = string.Join("\n", (await App.CopyDatabaseFilesAsync()).Select(System.Text.Encoding.Latin1.GetString));
            Assert.DoesNotContain(codes[0].Replace("-", "", StringComparison.Ordinal), raw, StringComparison.Ordinal);
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<AccessCodeDesk>();
            var found = await desk.FindAsync(codes[1].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
            Assert.Equal(2, found?.Serial);
            Assert.True(found!.IsValidOn(desk.Today));
            Assert.Null(await desk.FindAsync("AAAA-AAAA-AAAA"));
        }

        using var revoked = await outreach.PostFormAsync("/staff/access-codes", new() { ["Serial"] = "2" }, "/staff/access-codes?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        using var unknown = await outreach.PostFormAsync("/staff/access-codes?lang=en", new() { ["Serial"] = "999" }, "/staff/access-codes?handler=Revoke&lang=en");
        Assert.Contains("There is no card with this number.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await App.WithDbAsync(db => db.AccessCodes.Where(c => c.Serial == 2).Select(c => c.RevokedAtUtc != null).SingleAsync()));

        var audit = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Where(e => e.Type == AuditEventType.AccessCodesIssued || e.Type == AuditEventType.AccessCodeRevoked).Select(e => e.Value).ToListAsync());
        Assert.Equal([3L, 2L], audit);
    }

    [Fact]
    public async Task BadInput_IsRefusedClearly_AndIssuesNothing()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        using var none = await coordinator.PostFormAsync("/staff/access-codes?lang=en", new() { ["Count"] = "0" }, "/staff/access-codes?handler=Issue&lang=en");
        Assert.Contains("must be between 1 and 40", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var past = await coordinator.PostFormAsync("/staff/access-codes?lang=en", new() { ["Count"] = "2", ["ExpiresOn"] = App.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, "/staff/access-codes?handler=Issue&lang=en");
        Assert.Contains("The date is in the past.", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var words = await coordinator.PostFormAsync("/staff/access-codes?lang=en", new() { ["Count"] = "many" }, "/staff/access-codes?handler=Issue&lang=en");
        Assert.Equal(HttpStatusCode.OK, words.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.AccessCodes.CountAsync()));
    }

    [GeneratedRegex(@"<p class=""card-code""><code>([A-Z0-9-]+)</code>")]
    private static partial Regex CardCode();

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : AccessCodeTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : AccessCodeTests(app);
}
