using System.Diagnostics;
using Amanat.Core.Auditing;
using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Identifiers;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Amanat.Web.Features.Statistics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Demo;

internal sealed record DemoSeedProgress(int Done, int Total, TimeSpan Elapsed);

/// <summary>
/// Fills a database with invented incidents for demonstrations, tests and benchmarks (<c>seed</c> of tools/Amanat.Demo). Every
/// demo record is written by one disabled account, <see cref="AuthorName"/>, which cannot sign in; a
/// database that holds any incident, member or service written by someone else holds real records, and the
/// seeder refuses to touch it. Incidents go through the same rules, encryption, identifier indexes and
/// history as recorded ones, inserted in batches of <see cref="BatchSize"/>, each batch one transaction.
/// </summary>
internal sealed class DemoSeeder(AmanatDbContext db, UserManager<StaffUser> users, KeyVault vault, AuditTrail audit, TimeProvider clock, DisplayTimeZone zone, StatisticsFacts facts)
{
    public const string AuthorName = "demo-data";
    public const int BatchSize = 250;
    public const int MaxIncidents = 5_000_000;

    private static readonly string[] StationCities = ["ALA", "AST", "SHY", "KAR", "TAL"];

    /// <summary>A seeder working through the application's services of <paramref name="scope"/> (the application does not register it).</summary>
    public static DemoSeeder Create(IServiceProvider scope) => ActivatorUtilities.CreateInstance<DemoSeeder>(scope);

    /// <summary>True when the database holds a record that the demo account did not write.</summary>
    public async Task<bool> HoldsRealRecordsAsync()
    {
        var author = await users.FindByNameAsync(AuthorName);
        var demo = author?.Id ?? Guid.Empty;
        return await db.Incidents.AnyAsync(x => x.CreatedById != demo)
            || await db.Members.AnyAsync(x => x.CreatedById != demo)
            || await db.ServiceRecords.AnyAsync(x => x.GivenById != demo);
    }

    /// <summary>Adds <paramref name="count"/> incidents; the caller has checked <see cref="HoldsRealRecordsAsync"/>.</summary>
    public async Task SeedAsync(int count, int seed, IProgress<DemoSeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxIncidents);
        var timer = Stopwatch.StartNew();
        var authorId = await AuthorAsync();
        var stations = await StationsAsync();
        var vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().ToListAsync(cancellationToken));
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(zone.ToLocal(now).DateTime);
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Id).Take(10_000).ToListAsync(cancellationToken);
        var demo = new DemoIncidents(seed, today, stations);
        var keys = vault.Keys;

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var done = 0; done < count;)
            {
                var batch = Math.Min(BatchSize, count - done);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var incidents = new List<Incident>(batch);
                var nationalities = new Dictionary<Guid, string?>();
                for (var i = 0; i < batch; i++)
                {
                    incidents.Add(Add(demo, demo.Next(members), vocabulary, today, now, authorId, keys, members, nationalities));
                }

                db.ChangeTracker.DetectChanges();
                var counted = await facts.StageAsync(incidents, nationalities);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                facts.Committed(counted);
                db.ChangeTracker.Clear();
                done += batch;
                progress?.Report(new DemoSeedProgress(done, count, timer.Elapsed));
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        await audit.RecordAsync(AuditEventType.DemoDataSeeded, value: count);
    }

    private Incident Add(DemoIncidents demo, IncidentDraft draft, VocabularyList vocabulary, DateOnly today, DateTime now, Guid authorId, KeyRing keys, List<Guid> members, Dictionary<Guid, string?> nationalities)
    {
        if (IncidentRules.Check(draft, vocabulary, today) is { Count: > 0 } errors)
        {
            throw new InvalidOperationException("A demo incident broke a rule: " + string.Join(", ", errors.Select(e => $"{e.Field} {e.MessageKey}")));
        }

        var recordedAt = demo.RecordedAt(draft.OccurredOn!.Value);
        recordedAt = recordedAt > now ? now : recordedAt;
        var newMembers = new Dictionary<int, Guid>();
        for (var i = 0; i < draft.People.Count; i++)
        {
            if (draft.People[i].WorkingName is { } name)
            {
                var member = new Member(name, authorId, recordedAt);
                member.Apply(new MemberDraft { WorkingName = name, NationalityCode = demo.Nationality() }, null, recordedAt);
                nationalities[member.Id] = member.NationalityCode;
                db.Members.Add(member);
                newMembers[i] = member.Id;
                members.Add(member.Id);
            }
        }

        var incident = Incident.Start(authorId, recordedAt);
        var changes = incident.Apply(draft, newMembers, authorId, recordedAt);
        db.Incidents.Add(incident);
        db.PerpetratorIdentifiers.AddRange(PerpetratorMatching.Rows(incident, keys));
        db.IncidentRevisions.Add(new IncidentRevision(incident, changes, authorId, recordedAt, keys));
        if (demo.Response() is { } response)
        {
            var givenOn = DateOnly.FromDateTime(recordedAt);
            db.ServiceRecords.Add(new ServiceRecord(incident.Id, response.Code, givenOn, authorId, response.Nights, null, null, recordedAt));
        }

        return incident;
    }

    /// <summary>The demo account: created disabled (nobody signs in as it), or found from an earlier seeding.</summary>
    private async Task<Guid> AuthorAsync()
    {
        if (await users.FindByNameAsync(AuthorName) is { } existing)
        {
            return existing.Id;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var author = new StaffUser(AuthorName, StaffRoles.Outreach, now);
        author.Disable(now);
        var result = await users.CreateAsync(author);
        return result.Succeeded ? author.Id : throw new InvalidOperationException("Could not create the demo account: " + string.Join(", ", result.Errors.Select(e => e.Code)));
    }

    /// <summary>A few invented police stations in the larger cities (codes DEMO-…), added once.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> StationsAsync()
    {
        var entries = await db.VocabularyEntries.ToListAsync();
        foreach (var city in entries.Where(e => e.Kind == VocabularyKind.City && StationCities.Contains(e.Code)).ToList())
        {
            for (var n = 1; n <= 3; n++)
            {
                var code = $"DEMO-{city.Code}-{n}";
                if (entries.Any(e => e.Kind == VocabularyKind.Station && e.Code == code))
                {
                    continue;
                }

                var labels = new VocabularyLabels(
                    $"{city.Label("en")}: district police department No. {n} (demo)",
                    $"{city.Label("ru")}: районное управление полиции № {n} (демо)",
                    $"{city.Label("kk")}: № {n} аудандық полиция басқармасы (демо)",
                    $"{city.Label("uz")}: {n}-tuman politsiya boshqarmasi (demo)");
                var station = new VocabularyEntry(VocabularyKind.Station, code, labels, city.Code, sortOrder: n);
                db.VocabularyEntries.Add(station);
                entries.Add(station);
            }
        }

        await db.SaveChangesAsync();
        return entries.Where(e => e.Kind == VocabularyKind.Station && e.Code.StartsWith("DEMO-", StringComparison.Ordinal) && e.ParentCode is not null)
            .GroupBy(e => e.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(e => e.Code)], StringComparer.Ordinal);
    }
}
