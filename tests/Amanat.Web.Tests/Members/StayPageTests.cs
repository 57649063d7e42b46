using System.Net;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Members;

/// <summary>Her documents, movements and what the stay rules make of them, through the page.</summary>
public abstract class StayPageTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task AnEntry_GivesHerDeadlines_ADocumentHasAHistory_AndBothAreEncrypted()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        using var created = await outreach.PostFormAsync("/staff/members/new", new() { ["Input.WorkingName"] = "Зарина", ["Input.NationalityCode"] = "UZ" });
        var id = await App.WithDbAsync(db => db.Members.Select(m => m.Id).SingleAsync());
        var today = App.Today;
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var path = $"/staff/members/{id}/stay";

        using var entry = await outreach.PostFormAsync(path, new() { ["kind"] = "Entry", ["on"] = Iso(today.AddDays(-10)) }, path + "?handler=Movement");
        using var taken = await outreach.PostFormAsync(path, new() { ["typeCode"] = "PASSPORT", ["whereabouts"] = "POLICE", ["since"] = Iso(today.AddDays(-5)) }, path + "?handler=Document");
        using var back = await outreach.PostFormAsync(path, new() { ["typeCode"] = "PASSPORT", ["whereabouts"] = "WITH-HER", ["since"] = Iso(today) }, path + "?handler=Document");
        using var future = await outreach.PostFormAsync(path + "?lang=en", new() { ["kind"] = "Exit", ["on"] = Iso(today.AddDays(3)) }, path + "?handler=Movement&lang=en");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect), (entry.StatusCode, taken.StatusCode, back.StatusCode));
        Assert.Contains("This date is in the future.", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await outreach.Http.GetStringAsync(new Uri(path + "?lang=ru", UriKind.Relative));
        Assert.Contains("Ориентир, а не юридическая консультация", page, StringComparison.Ordinal);
        Assert.Contains("11 из 90 за последние 180 дней", page, StringComparison.Ordinal);
        Assert.Contains(today.AddDays(-10).AddDays(29).ToString("d", System.Globalization.CultureInfo.GetCultureInfo("ru")), page, StringComparison.Ordinal); // registration needed by
        Assert.Contains("у неё", page, StringComparison.Ordinal);
        Assert.Contains("у полиции или чиновников", page, StringComparison.Ordinal); // the history
        Assert.Contains("выдворение или сокращение срока не записаны", page, StringComparison.Ordinal); // no ban to count from: said, not guessed
        Assert.Equal(1, await App.WithDbAsync(db => db.MovementRecords.CountAsync()));

        var raw = App.Provider == Amanat.Web.Infrastructure.DatabaseProvider.Postgres
            ? Convert.ToString(await App.ScalarAsync("SELECT coalesce(string_agg(t::text, '|'), '') FROM \"MovementRecords\" t") + "" + await App.ScalarAsync("SELECT coalesce(string_agg(t::text, '|'), '') FROM \"DocumentRecords\" t"), System.Globalization.CultureInfo.InvariantCulture)!
            : Convert.ToString(await App.ScalarAsync("SELECT group_concat(Value, '|') FROM MovementRecords") + "" + await App.ScalarAsync("SELECT group_concat(Whereabouts || TypeCode, '|') FROM DocumentRecords"), System.Globalization.CultureInfo.InvariantCulture)!;
        Assert.Contains("PASSPORT", raw, StringComparison.Ordinal); // the rows were read
        Assert.DoesNotContain("Entry", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Iso(today.AddDays(-10)), raw, StringComparison.Ordinal);
        Assert.DoesNotContain("POLICE", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("WITH-HER", raw, StringComparison.Ordinal);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : StayPageTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : StayPageTests(app);
}
