using Amanat.Core.Incidents;
using Amanat.Core.Statistics;
using Amanat.Demo;

namespace Amanat.Benchmarks;

/// <summary>
/// <c>N</c> incidents made by the demo generator (the same one as <c>seed</c> of tools/Amanat.Demo: situations, cities,
/// violations, people and their STATS consent, citizenship, reporting delays), their facts loaded into an
/// in-memory <see cref="FactTable"/>, as the application holds them.
/// </summary>
internal static class DemoFacts
{
    public static FactTable Build(int count, DateOnly today, out int counted)
    {
        var stations = new Dictionary<string, IReadOnlyList<string>>
        {
            ["ALA"] = ["DEMO-ALA-1", "DEMO-ALA-2", "DEMO-ALA-3"],
            ["AST"] = ["DEMO-AST-1", "DEMO-AST-2"],
            ["SHY"] = ["DEMO-SHY-1"],
        };
        var demo = new DemoIncidents(7, today, stations);
        var user = Guid.CreateVersion7();
        var members = new List<Guid>();
        var nationality = new Dictionary<Guid, string>();
        var table = new FactTable();
        var batch = new List<(Guid, IncidentFact?)>(10_000);
        counted = 0;
        for (var i = 0; i < count; i++)
        {
            var draft = demo.Next(members);
            var recordedAt = demo.RecordedAt(draft.OccurredOn!.Value);
            var incident = Incident.Start(user, recordedAt);
            var created = new Dictionary<int, Guid>();
            for (var p = 0; p < draft.People.Count; p++)
            {
                if (draft.People[p].WorkingName is not null)
                {
                    var id = Guid.CreateVersion7();
                    created[p] = id;
                    nationality[id] = demo.Nationality();
                    if (members.Count < 10_000)
                    {
                        members.Add(id);
                    }
                }
            }

            incident.Apply(draft, created, user, recordedAt);
            var fact = IncidentFact.Of(incident, id => nationality.GetValueOrDefault(id), DateOnly.FromDateTime(recordedAt), recordedAt);
            counted += fact is null ? 0 : 1;
            batch.Add((incident.Id, fact));
            if (batch.Count == batch.Capacity)
            {
                table.Apply(batch);
                batch.Clear();
            }
        }

        table.Apply(batch);
        return table;
    }
}
