using System.Text.RegularExpressions;
using Amanat.Core.Incidents;
using Amanat.Core.Statistics;

namespace Amanat.Core.Tests.Statistics;

/// <summary>The anonymised dataset: k and l hold on what is released, and what had to give way is reported.</summary>
public sealed partial class DatasetTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 1);
    private static readonly string[] Cities = ["ALA", "AST", "SHY", "TAL", "KAR", "AKT", "OTHER-KZ", "UZ", "KG", "NEWTOWN"];
    private static readonly string[] ViolationCodes = ["ST-DET", "ST-DOC", "ST-EXT", "ST-RAPE", "CL-PHY", "CL-RAPE", "TP-CON", "TP-STAB"];
    private static readonly string[] Perpetrators = ["POL", "MIG", "BRD", "PIM", "CLI", "EST", "UNK"];
    private static readonly string[] Nationalities = ["KZ", "UZ", "KG", "TJ", "RU", "?"];

    private static readonly DatasetField[] All = Enum.GetValues<DatasetField>();

    [Theory]
    [InlineData(40, 5, 2, 1)]
    [InlineData(400, 5, 2, 2)]
    [InlineData(3000, 5, 2, 3)]
    [InlineData(3000, 3, 3, 4)]
    [InlineData(8000, 10, 2, 5)]
    public void EveryReleasedRecord_SharesItsValuesWithAtLeastKOthers_InAGroupOfAtLeastLViolationCodes(int incidents, int k, int l, int seed)
    {
        using var table = RandomTable(incidents, seed);
        var release = DatasetRelease.Of(table, new DatasetRequest(From, To, All, k, l));
        var records = release.Records().ToList();

        Assert.Equal(incidents, release.Considered);
        Assert.Equal(release.Released, records.Count);
        Assert.Equal(release.Considered, release.Released + release.Suppressed);
        var groups = records.GroupBy(r => string.Join('|', r.Values)).ToList();
        Assert.Equal(release.Groups, groups.Count);
        Assert.All(groups, g =>
        {
            Assert.True(g.Count() >= k + 1, $"a group of {g.Count()}");
            Assert.True(g.SelectMany(r => r.Violations).Distinct().Count() >= l, "too few different violations");
        });
        if (groups.Count > 0)
        {
            Assert.Equal(release.SmallestGroup, groups.Min(g => g.Count()));
        }

        var allWithheld = All.All(f => release.Level(f) == DatasetRelease.Top(f));
        Assert.True(allWithheld || release.Suppressed <= incidents * 0.05, $"{release.Suppressed} left out of {incidents}");
    }

    [Fact]
    public void ReleasedValues_AreCodesOnly_MonthsAtMost_RegionsNotCities()
    {
        using var table = RandomTable(5000, 7);
        var release = DatasetRelease.Of(table, new DatasetRequest(From, To, All));
        var records = release.Records().ToList();
        Assert.NotEmpty(records);
        var period = All.ToList().IndexOf(DatasetField.Period);
        var region = All.ToList().IndexOf(DatasetField.Region);
        Assert.All(records, r =>
        {
            Assert.Matches(PeriodPattern(), r.Values[period]);
            Assert.DoesNotContain(r.Values[region], Cities.Where(c => c.Length == 3 && c != "KAR" && c != "AKT")); // a city code is never a region code
            Assert.All(r.Values.Concat(r.Violations), v => Assert.Matches(CodePattern(), v));
            Assert.All(r.Violations, v => Assert.Contains(v, ViolationCodes));
            for (var i = 1; i < r.Values.Count; i++) // the period is checked above
            {
                Assert.All(r.Values[i].Split(';'), part => Assert.Contains(part, release.Values(release.Fields[i])));
            }
        });
    }

    [Fact]
    public void ManyAlikeIncidents_AreReleasedAsRecorded_WithNothingGeneralised()
    {
        using var table = new FactTable();
        table.Apply(Enumerable.Range(0, 60).Select(i => Fact(new Spec(new DateOnly(2026, 3, 5), "ALA", [i % 2 == 0 ? "ST-DET" : "ST-EXT"], ["POL"], ["UZ"], 2, true, true, 0, false, 1))));
        var release = DatasetRelease.Of(table, new DatasetRequest(From, To, All));

        Assert.All(All, f => Assert.Equal(0, release.Level(f)));
        Assert.Equal((60, 0, 1), (release.Released, release.Suppressed, release.Groups));
        var record = release.Records().First();
        Assert.Equal(["2026-03", "KZ-ALA", "POL", "UZ", "1", "2-3", "RETURNED", "NO", "0-3", "YES"], record.Values);
        Assert.Equal(0, release.GroupsWithCommonCode);
    }

    [Fact]
    public void AFewDifferentIncidents_AreGeneralised_AndWhatCouldNotBeHiddenIsLeftOut()
    {
        using var table = new FactTable();
        var facts = new List<(Guid, IncidentFact?)>();
        for (var i = 0; i < 24; i++)
        {
            facts.Add(Fact(new Spec(new DateOnly(2026, 1 + (i % 12), 1 + i), i % 2 == 0 ? "ALA" : "SHY", [ViolationCodes[i % 4]], ["POL"], ["UZ"], null, false, null, 0, false, 1)));
        }

        facts.Add(Fact(new Spec(new DateOnly(2026, 5, 1), "RU", ["TP-STAB"], ["PIM"], ["TJ"], 30, true, false, 40, true, 3))); // one of a kind
        table.Apply(facts);
        var release = DatasetRelease.Of(table, new DatasetRequest(From, To, All));

        Assert.True(release.Level(DatasetField.Period) > 0, "months had to become coarser");
        Assert.Equal(24, release.Released);
        Assert.Equal(1, release.Suppressed);
        Assert.DoesNotContain(release.Records(), r => r.Violations.Contains("TP-STAB"));
    }

    [Fact]
    public void TooFewIncidents_OrOneViolationForAll_ReleaseNothing()
    {
        using var five = new FactTable();
        five.Apply(Enumerable.Range(0, 5).Select(i => Fact(new Spec(new DateOnly(2026, 3, 5), "ALA", [ViolationCodes[i]], ["POL"], ["UZ"], null, false, null, 0, false, 1))));
        var small = DatasetRelease.Of(five, new DatasetRequest(From, To, All));
        Assert.Equal((5, 0), (small.Suppressed, small.Released));
        Assert.Empty(small.Records());

        using var same = new FactTable();
        same.Apply(Enumerable.Range(0, 50).Select(i => Fact(new Spec(new DateOnly(2026, 1 + (i % 12), 5), Cities[i % 5], ["ST-DET"], ["POL"], ["UZ"], i % 9, false, null, i, false, 1))));
        var uniform = DatasetRelease.Of(same, new DatasetRequest(From, To, All));
        Assert.Equal(0, uniform.Released);
        Assert.All(All, f => Assert.Equal(DatasetRelease.Top(f), uniform.Level(f)));
    }

    [Fact]
    public void LeftOutColumns_AreNotReleased_AndNeedNoGeneralising()
    {
        using var table = RandomTable(3000, 11);
        var fields = new[] { DatasetField.Period, DatasetField.Region, DatasetField.Perpetrators };
        var release = DatasetRelease.Of(table, new DatasetRequest(From, To, fields));

        Assert.Equal(fields, release.Fields);
        Assert.All(release.Records(), r => Assert.Equal(3, r.Values.Count));
        Assert.Equal(DatasetRelease.Top(DatasetField.Money), release.Level(DatasetField.Money));
        Assert.True(release.Level(DatasetField.Region) < DatasetRelease.Top(DatasetField.Region));
    }

    [Fact]
    public void ThePeriod_SelectsTheIncidents()
    {
        using var table = RandomTable(1000, 13);
        var year = DatasetRelease.Of(table, new DatasetRequest(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1), All));
        var both = DatasetRelease.Of(table, new DatasetRequest(From, To, All));
        Assert.InRange(year.Considered, 1, both.Considered - 1);
    }

    [Fact]
    public void RegionsFollowCities()
    {
        Assert.Equal("KZ-ZHT", Regions.Of("TAL"));
        Assert.Equal("KZ-SOUTH", Regions.PartOf(Regions.Of("TAL")));
        Assert.Equal("UZ", Regions.Of("UZ"));
        Assert.Equal(Regions.Abroad, Regions.PartOf("UZ"));
        Assert.Equal(Regions.Other, Regions.Of("NEWTOWN"));
        Assert.Equal(Regions.Kazakhstan, Regions.CountryOf(Regions.PartOf(Regions.Other)));
    }

    private static FactTable RandomTable(int incidents, int seed)
    {
        var random = new Random(seed);
        T Pick<T>(T[] items) => items[random.Next(items.Length)];
        var table = new FactTable();
        table.Apply(Enumerable.Range(0, incidents).Select(_ =>
        {
            var day = From.AddDays(random.Next(To.DayNumber - From.DayNumber));
            var violations = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(ViolationCodes)).Distinct().ToArray();
            var people = 1 + (random.Next(10) == 0 ? random.Next(3) : 0);
            return Fact(new Spec(day, Pick(Cities), violations, [Pick(Perpetrators)], [.. Enumerable.Range(0, people).Select(_ => Pick(Nationalities))],
                random.Next(3) == 0 ? random.Next(1, 40) : null, random.Next(4) == 0, random.Next(3) switch { 0 => true, 1 => false, _ => null },
                random.Next(60), random.Next(2) == 0, people));
        }));
        return table;
    }

    private sealed record Spec(DateOnly On, string City, string[] Violations, string[] Perpetrators, string[] Nationalities, int? Days, bool DocumentsTaken, bool? Returned, int Delay, bool Money, int People);

    private static (Guid, IncidentFact?) Fact(Spec spec)
    {
        var user = Guid.CreateVersion7();
        var incident = Incident.Start(user, Now);
        var members = spec.Nationalities.Select(_ => Guid.CreateVersion7()).ToList();
        incident.Apply(new IncidentDraft
        {
            OccurredOn = spec.On,
            CityCode = spec.City,
            Violations = [.. spec.Violations],
            DaysDetained = spec.Days,
            DocumentsTaken = spec.DocumentsTaken,
            DocumentsReturned = spec.DocumentsTaken ? spec.Returned : null,
            MoneyExtortedMinor = spec.Money ? 500_000 : null,
            Currency = spec.Money ? "KZT" : null,
            ComplaintCode = "NONE",
            People = [.. members.Select(m => new PersonDraft { MemberId = m, Consents = new Dictionary<string, ConsentValue> { ["STATS"] = ConsentValue.Yes } })],
            Perpetrators = [.. spec.Perpetrators.Select(p => new PerpetratorDraft { CategoryCode = p })],
        }, new Dictionary<int, Guid>(), user, Now);
        var nationality = members.Select((m, i) => (m, spec.Nationalities[i])).ToDictionary(x => x.m, x => x.Item2 == "?" ? null : x.Item2);
        return (incident.Id, IncidentFact.Of(incident, id => nationality[id], spec.On.AddDays(spec.Delay), Now));
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}|\d{4}-Q[1-4]|\d{4}|\*)$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^[A-Z0-9+*;\-]+$")]
    private static partial Regex CodePattern();
}
