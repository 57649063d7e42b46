using Amanat.Core.Auditing;
using Amanat.Core.Identifiers;
using Amanat.Core.Staff;
using Amanat.Demo;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Incidents;

/// <summary>Demo incidents: valid by the form's rules, varied like the situations, and findable by repeat-perpetrator matching.</summary>
public abstract class DemoSeedTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Seeding_GivesValidVariedIncidents_InFourLanguages_WithRepeatPerpetrators()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await DemoSeeder.Create(scope.ServiceProvider).SeedAsync(300, seed: 7);
        }

        await using var read = App.Services.CreateAsyncScope();
        var db = read.ServiceProvider.GetRequiredService<Amanat.Core.Data.AmanatDbContext>();
        var incidents = await db.Incidents.AsNoTracking().Include(x => x.Violations).Include(x => x.Perpetrators).ToListAsync();
        var narratives = string.Join('\n', incidents.Select(x => x.Narrative));

        Assert.Equal(300, incidents.Count);
        Assert.Equal(300, await db.IncidentRevisions.CountAsync());
        Assert.True(await db.Members.CountAsync() > 100);
        Assert.True(incidents.Select(x => x.CityCode).Distinct().Count() >= 6);
        Assert.True(incidents.SelectMany(x => x.Violations).Select(v => v.Code).Distinct().Count() >= 12);
        Assert.True(incidents.SelectMany(x => x.Perpetrators).Select(p => p.CategoryCode).Distinct().Count() >= 5);
        Assert.True(incidents.Select(x => x.OccurredOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Distinct().Count() >= 12);
        Assert.Contains("отдел", narratives, StringComparison.Ordinal);
        Assert.Contains("қ", narratives, StringComparison.Ordinal);
        Assert.Contains("oʻ", narratives, StringComparison.Ordinal);
        Assert.Contains(" the ", narratives, StringComparison.Ordinal);
        Assert.Equal(300, (await db.Set<AuditEvent>().SingleAsync(x => x.Type == AuditEventType.DemoDataSeeded)).Value);

        // The same phone or plate, typed differently, links incidents.
        var repeated = await db.PerpetratorIdentifiers.AsNoTracking().Where(x => x.Kind == "phone" || x.Kind == "plate").ToListAsync();
        var shared = repeated.GroupBy(x => (x.Kind, Convert.ToHexString(x.Index))).First(g => g.Select(x => x.IncidentId).Distinct().Count() > 1);
        var (one, other) = (shared.First().IncidentId, shared.Select(x => x.IncidentId).First(id => id != shared.First().IncidentId));
        var matches = await PerpetratorMatching.FindAsync(db, incidents.Single(x => x.Id == one), db.Incidents);
        Assert.Contains(matches, m => m.IncidentId == other);
    }

    [Fact]
    public async Task DemoIncidents_AreVisibleToACoordinator_ThroughTheList()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await DemoSeeder.Create(scope.ServiceProvider).SeedAsync(60, seed: 3);
        }

        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);

        Assert.Contains("\"total\":60", await coordinator.Http.GetStringAsync(new Uri("/api/v1/incidents", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("\"total\":0", await outreach.Http.GetStringAsync(new Uri("/api/v1/incidents", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedCommand_ShowsProgress_AddsToADemoDatabase_AndRefusesOneWithRealRecords()
    {
        var (code, output, error) = await CliProcess.RunDemoAsync(App.Environment, "seed", "--incidents", "30");
        var (againCode, _, _) = await CliProcess.RunDemoAsync(App.Environment, "seed", "--incidents", "10", "--seed", "2");
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        await Situations.RecordAsync(coordinator, Situations.DocumentCheck(DateOnly.FromDateTime(TestClock.UtcNow.AddDays(-3))));
        var (refusedCode, _, refused) = await CliProcess.RunDemoAsync(App.Environment, "seed", "--incidents", "10");
        var (zeroCode, _, zero) = await CliProcess.RunDemoAsync(App.Environment, "seed", "--incidents", "0");
        var (webCode, _, web) = await CliProcess.RunAsync(App.Environment, null, "demo", "seed", "--incidents", "10");

        Assert.True(code == 0, error);
        Assert.Contains("30 of 30 incidents (100%)", output, StringComparison.Ordinal);
        Assert.Contains("Added 30 demo incidents", output, StringComparison.Ordinal);
        Assert.Equal(0, againCode);
        Assert.Equal(1, refusedCode);
        Assert.Contains("real records", refused, StringComparison.Ordinal);
        Assert.Equal(1, zeroCode);
        Assert.Contains("--incidents must be between 1 and", zero, StringComparison.Ordinal);
        Assert.Equal(1, webCode); // the application itself no longer makes demo data
        Assert.Contains("Unknown command 'demo'", web, StringComparison.Ordinal);
        Assert.Equal(41, await App.WithDbAsync(db => db.Incidents.CountAsync()));
        Assert.True((await App.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == DemoSeeder.AuthorName))).IsDisabled);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : DemoSeedTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : DemoSeedTests(app);
}

/// <summary>The application's binary carries no demo generator.</summary>
public sealed class DemoOutOfTheApplicationTests
{
    [Fact]
    public void TheApplication_DoesNotReferenceBogus_NorHoldTheSeeder()
    {
        var web = typeof(Amanat.Web.Cli.AdminCli).Assembly;

        Assert.DoesNotContain(web.GetReferencedAssemblies(), a => a.Name == "Bogus");
        Assert.DoesNotContain(web.GetTypes(), t => t.Name.StartsWith("Demo", StringComparison.Ordinal));
    }
}
