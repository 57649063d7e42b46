using Amanat.Core.Incidents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Api;

/// <summary>The domain's rule errors as a 400 validation problem: per field, in the caller's language.</summary>
internal static class RuleProblems
{
    public static ValidationProblem From(IReadOnlyList<RuleError> errors, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(localizer);
        return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => localizer[e.MessageKey].Value).Distinct().ToArray()));
    }
}
