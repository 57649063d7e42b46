using System.Text.Json.Nodes;
using System.Text.Json;
using Amanat.Core.Incidents;
using Amanat.Web.Api;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Amanat.Web.Features.Incidents;

/// <summary>
/// Examples for the OpenAPI description of <c>/api/v1/incidents</c>: an invented incident (a detention "for a
/// document check"), what the API answers, and a refused request with its messages as the server words them.
/// </summary>
internal static class IncidentsApiExamples
{
    private static readonly Guid ExampleId = Guid.Parse("019ad0c4-5e1a-7c3b-9f21-4d6b8e0a1c2f");
    private static readonly Guid PersonId = Guid.Parse("019ad0c4-5e1b-7a10-8c44-0b5f6e7d8a9b");
    private static readonly Guid MemberId = Guid.Parse("019ad0c4-5e1b-7a10-8c44-1c6a7f8e9b0c");

    private static readonly IncidentDraft Draft = new()
    {
        OccurredOn = new DateOnly(2026, 10, 14),
        DurationDays = 6,
        CityCode = "TAL",
        PlaceCode = "STATION",
        PlaceNote = "Отдел у вокзала, второй этаж",
        UnnamedPeople = 3,
        Violations = ["ST-DET", "ST-DOC", "ST-EXT", "ST-PHY"],
        Perpetrators = [new PerpetratorDraft { CategoryCode = "POL", InvolvementCode = "DIR", Count = 3, Rank = "капитан", Badge = "KZ 0417", Phones = "8 (701) 123-45-67" }],
        People = [new PersonDraft { WorkingName = "Гульнара", Consents = new Dictionary<string, ConsentValue> { ["SERVICES"] = ConsentValue.Yes, ["STATS"] = ConsentValue.Yes, ["ALERT"] = ConsentValue.NotAsked, ["AUTHORITIES"] = ConsentValue.No } }],
        DaysDetained = 6,
        DocumentsTaken = true,
        DocumentsReturned = true,
        MoneyExtortedMinor = 5_000_000,
        Currency = "KZT",
        ComplaintCode = "NONE",
        SourceCode = "SELF",
        ReliabilityCode = "FIRST",
        Status = IncidentStatus.NeedsFollowUp,
        Narrative = "Забрали паспорта «для проверки», держали шесть дней, требовали 50 000 тенге.",
    };

    private static readonly IncidentView View = new(
        ExampleId, 1, IncidentStatus.NeedsFollowUp,
        Draft with { People = [Draft.People[0] with { Id = PersonId, MemberId = MemberId, WorkingName = null }] },
        [new PersonView(PersonId, MemberId, "Гульнара", Draft.People[0].Consents)],
        [new ServiceView("PSY", new DateOnly(2026, 10, 21), null, null, null)],
        null);

    private static readonly IncidentPage Page = new(1, 1, [new IncidentSummary(ExampleId, Draft.OccurredOn!.Value, "TAL", IncidentStatus.NeedsFollowUp, Draft.Violations, 4)]);

    /// <summary>Puts the examples on the operations of the incidents group.</summary>
    public static Task AddAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        JsonNode? Node(object value) => JsonSerializer.SerializeToNode(value, value.GetType(), json);
        var method = context.Description.HttpMethod;
        var single = context.Description.RelativePath?.Contains("{id}", StringComparison.Ordinal) == true;
        if (method is "POST" or "PUT")
        {
            ApiExamples.Set(operation.RequestBody?.Content, Node(Draft));
            ApiExamples.Set(ApiExamples.Response(operation, method == "POST" ? "201" : "200"), Node(View));
            ApiExamples.Set(ApiExamples.Response(operation, "400"), Problem(context.ApplicationServices, json));
        }
        else if (method == "GET")
        {
            ApiExamples.Set(ApiExamples.Response(operation, "200"), single ? Node(View) : Node(Page));
        }

        return Task.CompletedTask;
    }

    /// <summary>A refused request: an incident dated in the future with no violation ticked, in English.</summary>
    private static JsonNode? Problem(IServiceProvider services, JsonSerializerOptions json) =>
        ApiExamples.InEnglish(services, localizer => JsonSerializer.SerializeToNode(new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [nameof(IncidentDraft.OccurredOn)] = [localizer["Rule.FutureDate"].Value],
            [nameof(IncidentDraft.Violations)] = [localizer["Incident.Error.NoViolation"].Value],
        })
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Title = "One or more validation errors occurred.",
            Status = StatusCodes.Status400BadRequest,
        }, json));
}
