using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Incidents;

/// <summary>"Possibly the same perpetrator": the same phone, plate, badge or name across reports, however it was typed.</summary>
public abstract class MatchingTests(AmanatApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Day = DateOnly.FromDateTime(TestClock.UtcNow.AddDays(-8));

    [Fact]
    public async Task OnePhone_WrittenThreeWays_LinksTheIncidents_ForThoseWhoMayReadThem()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var first = await Situations.RecordAsync(coordinator, WithPerpetrator(("Phones", "8 (701) 123-45-67")));
        var second = await Situations.RecordAsync(coordinator, WithPerpetrator(("Phones", "+998 90 000 00 00, +7 701 123 4567")));
        var third = await Situations.RecordAsync(outreach, WithPerpetrator(("Phones", "87011234567")));
        var unrelated = await Situations.RecordAsync(coordinator, WithPerpetrator(("Phones", "+7 701 123 4568")));

        var page = await coordinator.Http.GetStringAsync(new Uri($"/staff/incidents/{first}?lang=en", UriKind.Relative));
        var forOutreach = await outreach.Http.GetStringAsync(new Uri($"/staff/incidents/{third}?lang=en", UriKind.Relative));

        Assert.Contains("Possibly the same perpetrator", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/incidents/{second}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/incidents/{third}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/staff/incidents/{unrelated}\"", page, StringComparison.Ordinal);
        Assert.Contains("same phone", page, StringComparison.Ordinal);
        // The outreach worker may not read the coordinator's incidents: no link to them, no hint of them.
        Assert.DoesNotContain("Possibly the same perpetrator", forOutreach, StringComparison.Ordinal);
        Assert.Equal(5, await App.WithDbAsync(db => db.PerpetratorIdentifiers.CountAsync(x => x.Kind == "phone")));
        var stored = Convert.ToString(await App.ScalarAsync(App.Provider == Amanat.Web.Infrastructure.DatabaseProvider.Postgres
            ? "SELECT string_agg(t::text, '|') FROM \"PerpetratorIdentifiers\" t"
            : "SELECT group_concat(Kind || hex(\"Index\"), '|') FROM PerpetratorIdentifiers"), System.Globalization.CultureInfo.InvariantCulture)!;
        Assert.DoesNotContain("7011234567", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plates_InCyrillicAndLatin_Link_OtherRegionsDoNot()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var latin = await Situations.RecordAsync(coordinator, WithPerpetrator(("Plate", "123 ABC 02")));
        var cyrillic = await Situations.RecordAsync(coordinator, WithPerpetrator(("Plate", "123 АВС 02")));
        var otherRegion = await Situations.RecordAsync(coordinator, WithPerpetrator(("Plate", "123 ABC 01")));

        var page = await coordinator.Http.GetStringAsync(new Uri($"/staff/incidents/{latin}?lang=en", UriKind.Relative));

        Assert.Contains($"href=\"/staff/incidents/{cyrillic}\"", page, StringComparison.Ordinal);
        Assert.Contains("same plate", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/staff/incidents/{otherRegion}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamesAndBadges_Link_AndAnEditRemovesAStaleLink()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var first = await Situations.RecordAsync(coordinator, WithPerpetrator(("Name", "Қайрат"), ("Badge", "KZ 0417")));
        var second = await Situations.RecordAsync(coordinator, WithPerpetrator(("Name", "Kairat"), ("Badge", "кz-0417")));

        var before = await coordinator.Http.GetStringAsync(new Uri($"/staff/incidents/{first}?lang=en", UriKind.Relative));
        using var edited = await coordinator.PostFieldsAsync($"/staff/incidents/{second}/edit", WithPerpetrator(("Name", "Бекзат")));
        var after = await coordinator.Http.GetStringAsync(new Uri($"/staff/incidents/{first}?lang=en", UriKind.Relative));

        Assert.Contains("same badge, same name", before, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, edited.StatusCode);
        Assert.DoesNotContain($"href=\"/staff/incidents/{second}\"", after, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> WithPerpetrator(params (string Field, string Value)[] identifiers) =>
    [
        .. Situations.WorkingForFood(Day).Where(f => !f.Key.StartsWith("Input.Perpetrators", StringComparison.Ordinal)),
        new("Input.Perpetrators[0].CategoryCode", "CLI"),
        .. identifiers.Select(i => new KeyValuePair<string, string>($"Input.Perpetrators[0].{i.Field}", i.Value)),
    ];

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : MatchingTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : MatchingTests(app);
}
