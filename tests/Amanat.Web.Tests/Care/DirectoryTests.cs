using System.Net;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Care;

/// <summary>The directory of friendly providers and its public subset, /help.</summary>
public abstract class DirectoryTests(AmanatApp app) : IntegrationTest(app)
{
    public static Dictionary<string, string> Clinic(bool isPublic = true) => new()
    {
        ["Input.Name"] = "Клиника «Мейірім»",
        ["Input.Kind"] = "Clinic",
        ["Input.CityCode"] = "ALA",
        ["Input.Address"] = "ул. Абая, 10",
        ["Input.Contact"] = "+7 727 000 00 00",
        ["Input.Hours"] = "Пн–Пт 9–18",
        ["Input.Languages"] = "uz",
        ["Input.NoDocumentsNeeded"] = "true",
        ["Input.Cost"] = "Free",
        ["Input.PublicNote"] = "Гинеколог без осуждения",
        ["Input.StaffNote"] = "Спросить доктора Айгуль",
        ["Input.IsPublic"] = isPublic ? "true" : "false",
    };

    [Fact]
    public async Task ACoordinatorKeepsTheDirectory_AndOnlyPublicProvidersReachHelp()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        using var added = await coordinator.PostFormAsync("/staff/directory/new", Clinic());
        var hidden = Clinic(isPublic: false);
        hidden["Input.Name"] = "Адвокат Н.";
        hidden["Input.Kind"] = "Lawyer";
        using var addedHidden = await coordinator.PostFormAsync("/staff/directory/new", hidden);

        using var anonymous = App.Client();
        using var help = await anonymous.GetAsync(new Uri("/help?lang=kk", UriKind.Relative));
        var page = await help.Content.ReadAsStringAsync();
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var staffList = await outreach.Http.GetStringAsync(new Uri("/staff/directory?lang=ru", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (added.StatusCode, addedHidden.StatusCode));
        Assert.Equal(HttpStatusCode.OK, help.StatusCode);
        Assert.Contains("Клиника «Мейірім»", page, StringComparison.Ordinal);
        Assert.Contains("Құжат қажет емес", page, StringComparison.Ordinal);
        Assert.Contains("Тегін", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Адвокат Н.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Айгуль", page, StringComparison.Ordinal);
        Assert.Empty(help.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Where(c => !c.StartsWith(".Amanat.Antiforgery", StringComparison.Ordinal)) : []);
        Assert.Contains("Адвокат Н.", staffList, StringComparison.Ordinal);
        Assert.Contains("Спросить доктора Айгуль", staffList, StringComparison.Ordinal);
        Assert.DoesNotContain("/staff/directory/new", staffList, StringComparison.Ordinal); // outreach reads, does not edit

        // Retired: gone from /help, back when restored; each change audited.
        var id = await App.WithDbAsync(db => db.Providers.Where(p => p.IsPublic).Select(p => p.Id).SingleAsync());
        using var retired = await coordinator.PostFormAsync($"/staff/directory/{id}", new() { ["restore"] = "false" }, $"/staff/directory/{id}?handler=Retire");
        Assert.DoesNotContain("Мейірім", await anonymous.GetStringAsync(new Uri("/help", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(3, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(x => x.Type == AuditEventType.DirectoryChanged)));
    }

    [Fact]
    public async Task BadInput_KeepsTheForm_WithLocalizedMessages()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var bad = Clinic();
        bad["Input.Name"] = "";
        bad["Input.CityCode"] = "ATLANTIS";
        bad["Input.Kind"] = "Spaceship";

        using var refused = await coordinator.PostFormAsync("/staff/directory/new?lang=uz", bad, "/staff/directory/new?lang=uz");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Bu yerda bu qiymat mos emas.", page, StringComparison.Ordinal); // the unknown kind
        Assert.Contains("Гинеколог без осуждения", page, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Providers.CountAsync()));
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : DirectoryTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : DirectoryTests(app);
}
