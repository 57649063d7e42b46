using Amanat.Core.Incidents;
using Amanat.Core.Statistics;

namespace Amanat.Core.Tests.Statistics;

/// <summary>Facts from incidents (only with STATS consent) and the figures of a filter, from one scan.</summary>
public sealed class FiguresTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AnIncident_CountsOnlyWithAStatsYes_AndOnlyThePeopleWhoSaidIt()
    {
        var both = Incident(new DateOnly(2026, 10, 3), "ALA", ["ST-DET", "ST-DOC"], ConsentValue.Yes, ConsentValue.No);
        var fact = IncidentFact.Of(both.Incident, id => id == both.First ? "UZ" : "KG", new DateOnly(2026, 10, 9), Now)!;
        Assert.Equal(1, fact.People);
        Assert.Equal("UZ", fact.Nationalities);
        Assert.Equal("ST-DET ST-DOC", fact.Violations);
        Assert.Equal(6, fact.ReportingDelayDays);

        var none = Incident(new DateOnly(2026, 10, 3), "ALA", ["ST-DET"], ConsentValue.No, ConsentValue.NotAsked);
        Assert.Null(IncidentFact.Of(none.Incident, _ => "UZ", new DateOnly(2026, 10, 3), Now));
    }

    [Fact]
    public void TheFigures_FollowTheFilters_AndAFactRemovedIsGone()
    {
        using var table = new FactTable();
        var facts = new List<(Guid, IncidentFact?)>();
        for (var i = 0; i < 12; i++)
        {
            var (incident, _) = Incident(new DateOnly(2026, 1 + (i % 3), 10), i < 8 ? "ALA" : "AST", i % 2 == 0 ? ["ST-DET", "ST-EXT"] : ["CL-PHY"], ConsentValue.Yes, ConsentValue.Yes);
            facts.Add((incident.Id, IncidentFact.Of(incident, _ => i < 6 ? "UZ" : "KZ", new DateOnly(2026, 4, 1), Now)));
        }

        table.Apply(facts);
        var all = Figures.Of(table, new StatFilter(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1)));
        Assert.Equal((12, 24), (all.Incidents, all.People));
        Assert.Equal(6, all.ByViolation["ST-DET"]);
        Assert.Equal((8, 4), (all.ByCity["ALA"], all.ByCity["AST"]));
        Assert.Equal((12, 12), (all.ByNationality["UZ"], all.ByNationality["KZ"]));
        Assert.Equal([4, 4, 4], all.ByMonth.Values);

        var almatyDetentions = Figures.Of(table, new StatFilter(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1), City: "ALA", Violation: "ST-DET"));
        Assert.Equal(4, almatyDetentions.Incidents);
        var february = Figures.Of(table, new StatFilter(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 1), Nationality: "KZ"));
        Assert.Equal((2, 4), (february.Incidents, february.People));
        Assert.Equal(0, Figures.Of(table, new StatFilter(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1), Violation: "HC-DEN")).Incidents);

        table.Apply([(facts[0].Item1, null)]);
        Assert.Equal(11, Figures.Of(table, new StatFilter(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1))).Incidents);
    }

    private static (Incident Incident, Guid First) Incident(DateOnly occurredOn, string city, string[] violations, ConsentValue first, ConsentValue second)
    {
        var user = Guid.CreateVersion7();
        var incident = Amanat.Core.Incidents.Incident.Start(user, Now);
        var (a, b) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var draft = new IncidentDraft
        {
            OccurredOn = occurredOn,
            CityCode = city,
            Violations = [.. violations],
            DaysDetained = 3,
            DocumentsTaken = true,
            ComplaintCode = "NONE",
            People =
            [
                new PersonDraft { MemberId = a, Consents = new Dictionary<string, ConsentValue> { ["STATS"] = first } },
                new PersonDraft { MemberId = b, Consents = new Dictionary<string, ConsentValue> { ["STATS"] = second } },
            ],
            Perpetrators = [new PerpetratorDraft { CategoryCode = "POL" }],
        };
        incident.Apply(draft, new Dictionary<int, Guid>(), user, Now);
        return (incident, a);
    }
}
